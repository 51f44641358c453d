//! Accounts' own actors (`Person`, see `forum::person`) as ActivityPub serves them: the actor
//! at `/u/{handle}` (asked for as JSON; the web router serves the same URL's page), its
//! `outbox` (the latest threads and comments it wrote, as `Create`s), `followers` (a count:
//! a Person writes in groups, and is not followed here) and its inbox. A Person turned off
//! answers 410 Gone with a `Tombstone`, its collections 410 too.

use super::objects::post::{PostExtras, create_json};
use super::protocol::activity::Tombstone;
use super::protocol::collection::OrderedCollection;
use super::routes::activity_json;
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::person::{self, Person};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::Value;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/u/{handle}/inbox", post(super::inbox::personal))
        .route("/u/{handle}/outbox", get(outbox))
        .route("/u/{handle}/followers", get(followers))
}

fn gone() -> AppError {
    AppError::new(StatusCode::GONE, "gone", "this person was deleted")
}

/// A local Person by handle: 404 if there never was one, 410 if it is turned off.
pub async fn local_person(state: &AppState, handle: &str) -> AppResult<Person> {
    let mut conn = state.conn().await?;
    let p = person::by_handle(&mut conn, handle)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no person `{handle}` on this instance")))?;
    if !p.enabled() {
        return Err(gone());
    }
    Ok(p)
}

/// `/u/{handle}` asked for as ActivityPub JSON: the `Person`, or a `Tombstone` with 410.
pub async fn person_document(state: &AppState, handle: &str) -> AppResult<Response> {
    let p = match local_person(state, handle).await {
        Err(e) if e.status == StatusCode::GONE => {
            let mut conn = state.conn().await?;
            let id = person::by_handle(&mut conn, handle)
                .await?
                .map(|p| p.actor.ap_id.to_string())
                .unwrap_or_else(|| state.urls.person(handle));
            let mut resp = activity_json(&Tombstone::of(id))?;
            *resp.status_mut() = StatusCode::GONE;
            return Ok(resp);
        }
        other => other?,
    };
    let json = p
        .actor
        .to_json(&state.urls, state.config.main_language())
        .map_err(AppError::internal)?;
    activity_json(&json)
}

/// The latest of what the Person wrote, as its `Create`s, inline.
async fn outbox(State(state): State<AppState>, Path(handle): Path<String>) -> AppResult<Response> {
    let actor: DbActor = local_person(&state, &handle).await?.actor;
    let mut conn = state.conn().await?;
    let (posts, total) = person::writings(&mut conn, actor.id, 20).await?;
    let extras = PostExtras::load_many(&mut conn, &posts).await?;
    let items = posts
        .iter()
        .zip(&extras)
        .map(|(p, x)| {
            create_json(p, &actor, &state.urls, x)
                .map_err(AppError::internal)
                .and_then(|c| serde_json::to_value(c).map_err(AppError::internal))
        })
        .collect::<AppResult<Vec<Value>>>()?;
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.person_part(&actor.handle, "outbox"),
        kind: "OrderedCollection".into(),
        total_items: total,
        first: None,
        ordered_items: Some(items),
    })
}

async fn followers(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    let actor = local_person(&state, &handle).await?.actor;
    let mut conn = state.conn().await?;
    let total = DbFollow::count_followers(&mut conn, actor.id).await?;
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.person_part(&actor.handle, "followers"),
        kind: "OrderedCollection".into(),
        total_items: total,
        first: None,
        ordered_items: None,
    })
}
