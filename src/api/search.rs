//! Search across the networks: `GET /api/v1/search`. Anyone may search; a signed-in caller
//! may also have a handle (`@name@host`) or the URL of a remote actor or post looked up
//! (`resolve=true`), as Mastodon does. Network subscriptions (the relay) for operators:
//! `/api/v1/admin/relays`.

use super::auth::Auth;
use super::federation::resolve_actor;
use super::json::ApiJson;
use crate::db::models::actor::DbActor;
use crate::error::{AppError, AppResult};
use crate::federation::activities::relay;
use crate::federation::resolve;
use crate::search::{self, Answer, SearchParams};
use crate::state::{AppState, FedData};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use diesel_async::AsyncConnection;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use url::Url;

#[derive(Debug, Default, Deserialize)]
pub struct ResolveParam {
    #[serde(default)]
    resolve: Option<bool>,
}

pub async fn search(
    data: FedData,
    auth: Option<Auth>,
    params: Result<Query<SearchParams>, QueryRejection>,
    Query(resolve): Query<ResolveParam>,
) -> AppResult<Json<Answer>> {
    let Query(params) = params.map_err(|e| AppError::bad_request(e.body_text()))?;
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelayBody {
    /// A peer network's host (`nrw.example`) or its instance actor's URL.
    target: String,
}

#[derive(Debug, Serialize)]
pub struct RelayView {
    pub actor: String,
    pub network: String,
    /// subscribed (accepted) or pending.
    pub state: &'static str,
}

fn relay_view(actor: &DbActor, accepted: bool) -> RelayView {
    RelayView {
        actor: actor.ap_id.to_string(),
        network: actor.domain.clone(),
        state: if accepted { "subscribed" } else { "pending" },
    }
}

/// The instance actor of a network named by host or URL, fetched (signed).
pub async fn peer_instance_actor(data: &FedData, target: &str) -> AppResult<DbActor> {
    let target = target.trim();
    let url = if target.starts_with("http://") || target.starts_with("https://") {
        Url::parse(target)
    } else {
        if !crate::config::valid_domain(target) {
            return Err(AppError::invalid(
                "target",
                "a network's host (nrw.example) or its instance actor's URL",
            ));
        }
        Url::parse(&format!("{}://{target}/actor", data.config.scheme()))
    }
    .map_err(|e| AppError::invalid("target", format!("not a URL: {e}")))?;
    let actor = resolve::actor(data, &url)
        .await
        .map_err(|e| e.into_app_error("target"))?;
    if !relay::is_remote_server_actor(&actor) {
        return Err(AppError::invalid(
            "target",
            "that is not another network's instance actor",
        ));
    }
    Ok(actor)
}

/// GET /api/v1/admin/relays: the networks we subscribe to.
pub async fn relays(data: FedData, auth: Auth) -> AppResult<Json<Vec<RelayView>>> {
    auth.require_admin()?;
    let mut conn = data.conn().await?;
    let list = relay::subscriptions(&mut conn).await?;
    Ok(Json(
        list.iter().map(|(a, ok)| relay_view(a, *ok)).collect(),
    ))
}

/// POST /api/v1/admin/relays: subscribe to a peer network's posts.
pub async fn subscribe(
    data: FedData,
    auth: Auth,
    ApiJson(body): ApiJson<RelayBody>,
) -> AppResult<(StatusCode, Json<RelayView>)> {
    auth.require_admin()?;
    let target = peer_instance_actor(&data, &body.target).await?;
    let mut conn = data.conn().await?;
    let state: &AppState = &data;
    let f = conn
        .transaction::<_, AppError, _>(async |conn| relay::subscribe(conn, state, &target).await)
        .await?;
    data.wakeup.wake();
    Ok((StatusCode::ACCEPTED, Json(relay_view(&target, f.accepted))))
}

/// DELETE /api/v1/admin/relays/{network}: stop the subscription.
pub async fn unsubscribe(
    data: FedData,
    auth: Auth,
    Path(network): Path<String>,
) -> AppResult<StatusCode> {
    auth.require_admin()?;
    let mut conn = data.conn().await?;
    let state: &AppState = &data;
    conn.transaction::<_, AppError, _>(async |conn| {
        relay::unsubscribe(conn, state, &network).await
    })
    .await?;
    data.wakeup.wake();
    Ok(StatusCode::NO_CONTENT)
}
