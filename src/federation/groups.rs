//! Our groups as ActivityPub serves them (FEP-1b12): the `Group` actor at `/g/{handle}`
//! (asked for as JSON; the web router serves the same URL's page), and its collections:
//! `outbox` (the latest threads, as the group announced them), `followers`, `moderators`
//! (what `attributedTo` points at, as Lemmy reads it) and `featured` (pinned threads).
//! Its inbox is `/g/{handle}/inbox`, handled like every inbox.

use super::objects::post::{PostExtras, article_json, create_json};
use super::protocol::actor::ActorJson;
use super::protocol::collection::OrderedCollection;
use super::routes::activity_json;
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::group::{self, DbGroup, GroupFull};
use crate::db::models::post::{DbPost, PostFull};
use crate::error::{AppError, AppResult};
use crate::federation::PUBLIC;
use crate::federation::urls::Urls;
use crate::state::AppState;
use crate::vocab::Lang;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};
use url::Url;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/g/{handle}/inbox", post(super::inbox::shared))
        .route("/g/{handle}/outbox", get(outbox))
        .route("/g/{handle}/followers", get(followers))
        .route("/g/{handle}/moderators", get(moderators))
        .route("/g/{handle}/featured", get(featured))
}

/// The actor document of one of our groups.
pub fn group_json(
    group: &GroupFull,
    urls: &Urls,
    fallback: Lang,
) -> Result<ActorJson, url::ParseError> {
    let mut doc = group.actor.to_json(urls, fallback)?;
    let handle = &group.actor.handle;
    let part = |p: &str| Url::parse(&urls.group_part(handle, p));
    doc.inbox = part("inbox")?;
    doc.outbox = Some(part("outbox")?);
    doc.followers = Some(part("followers")?);
    doc.following = None;
    doc.featured = Some(part("featured")?);
    doc.url = Some(Url::parse(&urls.group(handle))?);
    doc.attributed_to = Some(part("moderators")?);
    doc.posting_restricted_to_mods = Some(group.group.posting_restricted_to_mods);
    doc.name_map = group.group.name_map.as_object().cloned();
    if let Some(rules) = group.rules_in(fallback.code()) {
        // Lemmy shows a community's sidebar from its summary: the rules follow the description.
        let rules = crate::text::plain_to_html(rules);
        doc.summary = Some(match doc.summary.take() {
            Some(s) => format!("{s}{rules}"),
            None => rules,
        });
    }
    Ok(doc)
}

/// A local group by handle, or 404.
pub async fn local_group(state: &AppState, handle: &str) -> AppResult<GroupFull> {
    let mut conn = state.conn().await?;
    DbGroup::local_by_handle(&mut conn, handle)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no group `{handle}` on this instance")))
}

/// `/g/{handle}` asked for as ActivityPub JSON.
pub async fn group_document(state: &AppState, handle: &str) -> AppResult<Response> {
    let group = local_group(state, handle).await?;
    let doc = group_json(&group, &state.urls, state.config.main_language())
        .map_err(AppError::internal)?;
    activity_json(&doc)
}

fn to_value<T: serde::Serialize>(v: T) -> AppResult<Value> {
    serde_json::to_value(v).map_err(AppError::internal)
}

/// The latest threads as the group announced them: `Announce{Create{Page}}` for threads
/// written here (whose `Create` we can give in full), `Announce{Page}` by id for others.
async fn outbox(State(state): State<AppState>, Path(handle): Path<String>) -> AppResult<Response> {
    let group = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    let threads = group::threads(&mut conn, group.actor.ap_id.as_str(), 20, 0).await?;
    let posts: Vec<PostFull> = threads.into_iter().map(|t| t.post).collect();
    let extras = PostExtras::load_many(&mut conn, &posts).await?;
    let authors = DbActor::by_ids(&mut conn, posts.iter().map(|p| p.post.actor_id)).await?;
    let mut items = Vec::with_capacity(posts.len());
    for (p, x) in posts.iter().zip(&extras) {
        let object = match authors.get(&p.post.actor_id).filter(|a| a.local) {
            Some(author) => {
                to_value(create_json(p, author, &state.urls, x).map_err(AppError::internal)?)?
            }
            None => Value::String(p.post.ap_id.to_string()),
        };
        items.push(json!({
            "id": format!("{}#announce", p.post.ap_id),
            "type": "Announce",
            "actor": group.actor.ap_id.as_str(),
            "object": object,
            "to": [PUBLIC],
            "cc": [state.urls.group_part(&handle, "followers")],
            "published": p.post.published,
        }));
    }
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.group_part(&handle, "outbox"),
        kind: "OrderedCollection".into(),
        total_items: items.len() as i64,
        first: None,
        ordered_items: Some(items),
    })
}

async fn followers(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    let group = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    let total = DbFollow::count_followers(&mut conn, group.actor.id).await?;
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.group_part(&handle, "followers"),
        kind: "OrderedCollection".into(),
        total_items: total,
        first: None,
        ordered_items: None,
    })
}

/// The moderators that are actors (ours and remote ones); moderating accounts without an
/// actor of their own act through the group, and are not listed.
async fn moderators(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    let group = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    let items: Vec<Value> = group::moderator_actors(&mut conn, group.actor.id)
        .await?
        .into_iter()
        .map(|a| Value::String(a.ap_id.to_string()))
        .collect();
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.group_part(&handle, "moderators"),
        kind: "OrderedCollection".into(),
        total_items: items.len() as i64,
        first: None,
        ordered_items: Some(items),
    })
}

/// Pinned threads, inline (as Lemmy and Mastodon read `featured`); threads written
/// elsewhere by id.
async fn featured(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    let group = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    let threads = group::threads(&mut conn, group.actor.ap_id.as_str(), 50, 0).await?;
    let pinned: Vec<PostFull> = threads
        .into_iter()
        .map(|t| t.post)
        .filter(|p| p.post.pinned_at.is_some())
        .collect();
    let extras = PostExtras::load_many(&mut conn, &pinned).await?;
    let authors = DbActor::by_ids(&mut conn, pinned.iter().map(|p| p.post.actor_id)).await?;
    let mut items = Vec::with_capacity(pinned.len());
    for (p, x) in pinned.iter().zip(&extras) {
        items.push(match authors.get(&p.post.actor_id).filter(|a| a.local) {
            Some(author) => {
                to_value(article_json(p, author, &state.urls, x).map_err(AppError::internal)?)?
            }
            None => Value::String(p.post.ap_id.to_string()),
        });
    }
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.group_part(&handle, "featured"),
        kind: "OrderedCollection".into(),
        total_items: items.len() as i64,
        first: None,
        ordered_items: Some(items),
    })
}

/// Whether a post is a thread of one of our groups (its page is the forum's thread page).
pub fn is_group_thread(urls: &Urls, post: &DbPost) -> bool {
    post.in_reply_to.is_none()
        && post
            .audience
            .as_deref()
            .is_some_and(|a| urls.is_group_url(a))
}
