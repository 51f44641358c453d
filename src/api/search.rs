//! Search across the networks: `GET /api/v1/search`. Anyone may search; a signed-in caller
//! may also have a handle (`@name@host`) or the URL of a remote actor or post looked up
//! (`resolve=true`), as Mastodon does.

use super::auth::Auth;
use super::federation::resolve_actor;
use super::json::ApiQuery;
use crate::db::models::actor::DbActor;
use crate::error::{AppError, AppResult};
use crate::federation::resolve;
use crate::search::{self, Answer, SearchParams};
use crate::state::FedData;
use axum::Json;
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(utoipa::IntoParams, Debug, Default, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ResolveParam {
    #[serde(default)]
    resolve: Option<bool>,
}

#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(SearchParams, ResolveParam),
    responses((status = 200, description = "Hits, facets and how each network answered", body = Answer))
)]
pub async fn search(
    data: FedData,
    auth: Option<Auth>,
    ApiQuery(params): ApiQuery<SearchParams>,
    ApiQuery(resolve): ApiQuery<ResolveParam>,
) -> AppResult<Json<Answer>> {
    let checked = params.check()?;
    let mut answer = search::run(&data, &checked).await?;
    if resolve.resolve == Some(true) {
        if auth.is_none() {
            return Err(AppError::unauthorized(
                "looking up remote handles and URLs needs an API token",
            ));
        }
        answer.resolved = resolve_named(&data, &checked.text).await;
    }
    Ok(Json(answer))
}

/// The actor or post a query names by handle or URL, if it names one that can be found.
async fn resolve_named(data: &FedData, text: &str) -> Option<Value> {
    let text = text.trim();
    let handle_like =
        !text.contains(char::is_whitespace) && text.trim_start_matches('@').split('@').count() == 2;
    let url_like = text.starts_with("https://") || text.starts_with("http://");
    if !handle_like && !url_like {
        return None;
    }
    match resolve_actor(data, text, "q").await {
        Ok(actor) => return Some(actor_json(&actor)),
        Err(e) if !url_like => {
            tracing::info!(text, error = %e.message, "handle not resolved");
            return None;
        }
        Err(_) => {}
    }
    match resolve::post(data, text).await {
        Ok(post) => {
            let mut conn = data.conn().await.ok()?;
            let full = crate::db::models::post::DbPost::full(&mut conn, post)
                .await
                .ok()?;
            let title = full.translations.first().map(|t| t.title.clone());
            Some(json!({
                "type": "post", "ap_id": full.post.ap_id.as_str(),
                "url": full.post.html_url.clone().unwrap_or_else(|| full.post.ap_id.to_string()),
                "title": title,
            }))
        }
        Err(e) => {
            tracing::info!(text, error = %e, "URL not resolved");
            None
        }
    }
}

fn actor_json(actor: &DbActor) -> Value {
    json!({
        "type": if actor.is_organisation() { "organisation" } else { "actor" },
        "ap_id": actor.ap_id.as_str(),
        "url": actor.profile_url.clone().unwrap_or_else(|| actor.ap_id.to_string()),
        "handle": format!("@{}@{}", actor.handle, actor.domain),
        "name": actor.name,
    })
}
