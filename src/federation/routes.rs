//! The ActivityPub endpoints: actors, their collections, posts, the instance actor and the
//! context document. Each URL serves JSON-LD to federation clients and HTML to browsers.

use crate::db::models::actor::{DbActor, INSTANCE_ACTOR_HANDLE};
use crate::db::models::follow::DbFollow;
use crate::db::models::post::DbPost;
use crate::error::{AppError, AppResult};
use crate::federation::context::{context, context_document};
use crate::federation::objects::post::{PostExtras, article_json, create_json, post_collection_id};
use crate::federation::protocol::collection::{
    Collection, OrderedCollection, OrderedCollectionPage,
};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const AP_CONTENT_TYPE: &str = "application/activity+json; charset=utf-8";
pub const PAGE_SIZE: i64 = 20;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/.well-known/webfinger", get(super::webfinger::webfinger))
        .route("/.well-known/host-meta", get(super::webfinger::host_meta))
        .route("/.well-known/nodeinfo", get(super::nodeinfo::well_known))
        .route("/nodeinfo/{version}", get(super::nodeinfo::document))
        .route("/actor", get(instance_actor))
        .route("/ns", get(ns))
        .route("/o/{handle}/outbox", get(outbox))
        .route("/o/{handle}/followers", get(followers))
        .route("/o/{handle}/following", get(following))
        .route("/o/{handle}/featured", get(featured))
        .route("/o/{handle}/partnerships", get(partnerships))
        .route("/posts/{id}/activity", get(post_activity))
        .route("/posts/{id}/likes", get(post_likes))
        .route("/posts/{id}/shares", get(post_shares))
        .route("/posts/{id}/replies", get(post_replies))
        .route("/inbox", axum::routing::post(super::inbox::shared))
        .route(
            "/o/{handle}/inbox",
            axum::routing::post(super::inbox::personal),
        )
        .merge(super::groups::router())
        .merge(super::persons::router())
}

/// Whether the client asked for ActivityPub JSON rather than a page.
pub fn wants_activity_json(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mime = part
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            mime == "application/activity+json" || mime == "application/ld+json"
        })
}

/// A JSON-LD document with the full context, as `application/activity+json`.
pub fn activity_json<T: Serialize>(value: &T) -> AppResult<Response> {
    Ok(activity_json_bytes(activity_json_body(value)?))
}

/// The text of a JSON-LD document with the full context.
pub fn activity_json_body<T: Serialize>(value: &T) -> AppResult<String> {
    let mut json = serde_json::to_value(value).map_err(AppError::internal)?;
    if let Value::Object(map) = &mut json {
        let mut with_ctx = serde_json::Map::new();
        with_ctx.insert("@context".into(), context());
        with_ctx.extend(std::mem::take(map));
        json = Value::Object(with_ctx);
    }
    Ok(json.to_string())
}

/// An `application/activity+json` answer of a rendered document.
fn activity_json_bytes(body: impl Into<axum::body::Body>) -> Response {
    (
        [
            (header::CONTENT_TYPE, AP_CONTENT_TYPE),
            (header::VARY, "Accept"),
        ],
        body.into(),
    )
        .into_response()
}

/// A local organisation by handle, or 404.
pub async fn local_org(state: &AppState, handle: &str) -> AppResult<DbActor> {
    let mut conn = state.conn().await?;
    DbActor::local_by_handle(&mut conn, handle)
        .await?
        .filter(DbActor::is_organisation)
        .ok_or_else(|| AppError::not_found(format!("no organisation `{handle}` on this instance")))
}

/// An organisation's actor document (`/o/{handle}` asked for as ActivityPub JSON; the web
/// router serves the same URL's page).
///
/// Rendered once and kept (`crate::cache`) until the actor's row changes, here or in another
/// process; answered with its `ETag`.
pub async fn organisation_json(state: &AppState, handle: &str) -> AppResult<Response> {
    let doc = match state.documents.get(handle) {
        Some(doc) => doc,
        None => {
            let generation = state.documents.generation();
            let actor = local_org(state, handle).await?;
            let mut conn = state.conn().await?;
            let actor = crate::federation::keys::ensure_keys(&mut conn, actor).await?;
            let json = actor
                .to_json(&state.urls, state.config.main_language())
                .map_err(AppError::internal)?;
            let doc = crate::cache::Document::new(activity_json_body(&json)?.into());
            state
                .documents
                .put(handle.to_string(), actor.id, doc.clone(), generation);
            doc
        }
    };
    let mut resp = activity_json_bytes(doc.body);
    if let Ok(etag) = doc.etag.parse() {
        resp.headers_mut().insert(header::ETAG, etag);
    }
    Ok(resp)
}

async fn instance_actor(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let mut conn = state.conn().await?;
    let actor = DbActor::local_by_handle(&mut conn, INSTANCE_ACTOR_HANDLE)
        .await?
        .ok_or_else(|| AppError::not_found("the instance actor is not set up yet"))?;
    if !wants_activity_json(&headers) {
        return Ok(axum::response::Redirect::to("/").into_response());
    }
    let json = actor
        .to_json(&state.urls, state.config.main_language())
        .map_err(AppError::internal)?;
    activity_json(&json)
}

async fn ns() -> Response {
    (
        [(header::CONTENT_TYPE, "application/ld+json; charset=utf-8")],
        Json(context_document()),
    )
        .into_response()
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    /// Any value asks for the first page.
    page: Option<String>,
    /// Keyset cursor: items older than this one.
    before: Option<i64>,
}

impl PageQuery {
    fn wants_page(&self) -> bool {
        self.page.is_some() || self.before.is_some()
    }
}

fn collection(id: String, total: i64) -> OrderedCollection {
    OrderedCollection {
        context: None,
        first: Some(format!("{id}?page=true")),
        id,
        kind: "OrderedCollection".into(),
        total_items: total,
        ordered_items: None,
    }
}

fn page(
    collection_id: &str,
    q: &PageQuery,
    total: i64,
    items: Vec<Value>,
    last_key: Option<i64>,
) -> OrderedCollectionPage {
    let id = match q.before {
        Some(b) => format!("{collection_id}?before={b}"),
        None => format!("{collection_id}?page=true"),
    };
    let next = (items.len() as i64 == PAGE_SIZE)
        .then(|| last_key.map(|k| format!("{collection_id}?before={k}")))
        .flatten();
    OrderedCollectionPage {
        context: None,
        id,
        kind: "OrderedCollectionPage".into(),
        part_of: collection_id.to_string(),
        total_items: total,
        ordered_items: items,
        next,
    }
}

async fn outbox(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let actor = local_org(&state, &handle).await?;
    let id = state.urls.outbox(&actor.handle);
    let mut conn = state.conn().await?;
    let total = DbPost::count_by_actor(&mut conn, actor.id).await?;
    if !q.wants_page() {
        return activity_json(&collection(id, total));
    }
    let posts = DbPost::page_by_actor(&mut conn, actor.id, q.before, PAGE_SIZE).await?;
    let extras = PostExtras::load_many(&mut conn, &posts).await?;
    let last = posts.last().map(|p| p.post.id);
    let items = posts
        .iter()
        .zip(&extras)
        .map(|(p, x)| {
            create_json(p, &actor, &state.urls, x)
                .map_err(AppError::internal)
                .and_then(to_value)
        })
        .collect::<AppResult<Vec<_>>>()?;
    activity_json(&page(&id, &q, total, items, last))
}

fn to_value<T: Serialize>(v: T) -> AppResult<Value> {
    serde_json::to_value(v).map_err(AppError::internal)
}

async fn followers(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let actor = local_org(&state, &handle).await?;
    let id = state.urls.followers(&actor.handle);
    let mut conn = state.conn().await?;
    let total = DbFollow::count_followers(&mut conn, actor.id).await?;
    if !q.wants_page() {
        return activity_json(&collection(id, total));
    }
    let rows = DbFollow::follower_ids_page(&mut conn, actor.id, q.before, PAGE_SIZE).await?;
    let last = rows.last().map(|r| r.0);
    let items = rows.into_iter().map(|(_, ap)| Value::String(ap)).collect();
    activity_json(&page(&id, &q, total, items, last))
}

async fn following(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let actor = local_org(&state, &handle).await?;
    let id = state.urls.following(&actor.handle);
    let mut conn = state.conn().await?;
    let total = DbFollow::count_following(&mut conn, actor.id).await?;
    if !q.wants_page() {
        return activity_json(&collection(id, total));
    }
    let rows = DbFollow::following_ids_page(&mut conn, actor.id, q.before, PAGE_SIZE).await?;
    let last = rows.last().map(|r| r.0);
    let items = rows.into_iter().map(|(_, ap)| Value::String(ap)).collect();
    activity_json(&page(&id, &q, total, items, last))
}

/// Pinned posts, inline (Mastodon reads `featured` as one collection with its items).
async fn featured(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    let actor = local_org(&state, &handle).await?;
    let mut conn = state.conn().await?;
    let pinned = DbPost::pinned_by_actor(&mut conn, actor.id).await?;
    let extras = PostExtras::load_many(&mut conn, &pinned).await?;
    let items = pinned
        .iter()
        .zip(&extras)
        .map(|(p, x)| {
            article_json(p, &actor, &state.urls, x)
                .map_err(AppError::internal)
                .and_then(to_value)
        })
        .collect::<AppResult<Vec<_>>>()?;
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.featured(&actor.handle),
        kind: "OrderedCollection".into(),
        total_items: items.len() as i64,
        first: None,
        ordered_items: Some(items),
    })
}

/// A local post by the UUID in its URL, with its author; deleted posts are 410 Gone.
pub async fn load_local_post(
    state: &AppState,
    id: &str,
) -> AppResult<(crate::db::models::post::PostFull, DbActor)> {
    let uuid =
        uuid::Uuid::parse_str(id).map_err(|_| AppError::not_found(format!("no post `{id}`")))?;
    let mut conn = state.conn().await?;
    let post = DbPost::by_ap_id(&mut conn, &state.urls.post(&uuid))
        .await?
        .ok_or_else(|| AppError::not_found(format!("no post `{id}`")))?;
    if post.deleted_at.is_some() {
        return Err(AppError::new(
            axum::http::StatusCode::GONE,
            "gone",
            "this post was deleted",
        ));
    }
    let author = DbActor::by_id(&mut conn, post.actor_id).await?;
    Ok((DbPost::full(&mut conn, post).await?, author))
}

/// A post's document (`/posts/{id}` asked for as ActivityPub JSON; the web router serves the
/// same URL's page); a deleted one is a `Tombstone` with 410.
pub async fn post_json(state: &AppState, id: &str) -> AppResult<Response> {
    let (post, author) = match load_local_post(state, id).await {
        Err(e) if e.status == axum::http::StatusCode::GONE => {
            let tombstone = crate::federation::protocol::activity::Tombstone::of(
                state
                    .urls
                    .post(&uuid::Uuid::parse_str(id).unwrap_or_default()),
            );
            let mut resp = activity_json(&tombstone)?;
            *resp.status_mut() = axum::http::StatusCode::GONE;
            return Ok(resp);
        }
        other => other?,
    };
    let extras = PostExtras::load(&mut *state.conn().await?, &post).await?;
    activity_json(&article_json(&post, &author, &state.urls, &extras).map_err(AppError::internal)?)
}

async fn post_activity(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (post, author) = load_local_post(&state, &id).await?;
    let extras = PostExtras::load(&mut *state.conn().await?, &post).await?;
    activity_json(&create_json(&post, &author, &state.urls, &extras).map_err(AppError::internal)?)
}

/// Most reply ids listed in a post's `replies` collection (oldest first).
const REPLIES_LISTED: usize = 100;

/// One of a post's collections (`likes`, `shares`, `replies`) as JSON; a browser is sent to
/// the post's page, which shows the counts. Signed like the post under authorized fetch.
async fn post_collection(
    state: &AppState,
    id: &str,
    headers: &HeaderMap,
    which: &str,
) -> AppResult<Response> {
    let (post, _) = load_local_post(state, id).await?;
    if !wants_activity_json(headers) {
        return Ok(axum::response::Redirect::to(post.post.ap_id.as_str()).into_response());
    }
    let mut conn = state.conn().await?;
    let counts = crate::db::models::inbox::post_counts(&mut conn, &[post.post.id])
        .await?
        .remove(&post.post.id)
        .unwrap_or_default();
    let collection_id = post_collection_id(post.post.ap_id.as_str(), which);
    let collection = match which {
        "likes" => Collection::counted(collection_id, counts.likes),
        "shares" => Collection::counted(collection_id, counts.shares),
        _ => {
            let mut replies = Vec::new();
            let shown = DbPost::visible_replies_to(&mut conn, post.post.ap_id.as_str()).await?;
            for (r, _) in shown.into_iter().take(REPLIES_LISTED) {
                replies.push(Value::String(r.post.ap_id.to_string()));
            }
            let mut c = Collection::counted(collection_id, counts.replies);
            c.items = Some(replies);
            c
        }
    };
    activity_json(&collection)
}

async fn post_likes(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    post_collection(&state, &id, &headers, "likes").await
}

async fn post_shares(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    post_collection(&state, &id, &headers, "shares").await
}

async fn post_replies(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    post_collection(&state, &id, &headers, "replies").await
}

/// Authorized-fetch mode (Mastodon's "secure mode"): GETs of federated documents must be
/// signed. The instance actor, WebFinger, NodeInfo and the context stay open, so that
/// others can fetch the key that signs our own requests; pages for browsers stay open.
pub async fn authorized_fetch(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let Some(fed) = req
        .extensions()
        .get::<activitypub_federation::config::FederationConfig<AppState>>()
        .cloned()
    else {
        return next.run(req).await;
    };
    let data = fed.to_request_data();
    let path = req.uri().path();
    let open = path == "/actor"
        || path == "/ns"
        || path.starts_with("/.well-known/")
        || path.starts_with("/nodeinfo");
    if !data.app_data().config.federation.authorized_fetch
        || req.method() != axum::http::Method::GET
        || open
    {
        return next.run(req).await;
    }
    if wants_activity_json(req.headers()) {
        return match super::inbox::verify_request(
            &data,
            req.method(),
            req.uri(),
            req.headers(),
            b"",
        )
        .await
        {
            Ok(_) => next.run(req).await,
            Err(e) => e.into_response(),
        };
    }
    // Collections (an outbox, followers, a post's activity) are JSON whatever the request
    // accepts: an answer in ActivityPub JSON needs the signature as well, so that leaving
    // out `Accept` does not get around it. Pages for browsers stay open.
    let (method, uri, headers) = (
        req.method().clone(),
        req.uri().clone(),
        req.headers().clone(),
    );
    let response = next.run(req).await;
    let federated = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.starts_with("application/activity+json") || v.starts_with("application/ld+json")
        });
    if !federated {
        return response;
    }
    match super::inbox::verify_request(&data, &method, &uri, &headers, b"").await {
        Ok(_) => response,
        Err(e) => e.into_response(),
    }
}

/// A local partnership at its id (`/partnerships/{id}`): its `Relationship` document for
/// federation clients; a browser (a search hit, say) is sent to the partnerships of the
/// organisation of ours it joins. A declined one is 404.
pub async fn partnership_or_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Query(query): Query<crate::web::LangQuery>,
) -> AppResult<Response> {
    use crate::db::models::partnership::DbPartnership;
    use crate::vocab::PartnershipStatus;
    let gone = || AppError::not_found("no such partnership here");
    let ap_id = format!("{}/partnerships/{id}", state.urls.base());
    let mut conn = state.conn().await?;
    let row = DbPartnership::by_ap_id(&mut conn, &ap_id)
        .await?
        .filter(|p| p.status != PartnershipStatus::Declined)
        .ok_or_else(gone)?;
    let full = DbPartnership::with_actors(&mut conn, vec![row])
        .await?
        .pop()
        .ok_or_else(gone)?;
    if wants_activity_json(&headers) {
        let json = crate::federation::objects::partnership::relationship_json(&full)
            .map_err(AppError::internal)?;
        return activity_json(&json);
    }
    let ours = if full.subject.local {
        &full.subject
    } else {
        &full.object
    };
    let lang = query
        .lang
        .and_then(|l| l.parse::<crate::vocab::Lang>().ok())
        .map(|l| format!("?lang={}", l.code()))
        .unwrap_or_default();
    Ok(
        axum::response::Redirect::to(&format!("/o/{}{lang}#partnerships", ours.handle))
            .into_response(),
    )
}

/// An organisation's partnerships, as `Relationship` objects, inline.
async fn partnerships(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    let actor = local_org(&state, &handle).await?;
    let mut conn = state.conn().await?;
    let rows = crate::db::models::partnership::DbPartnership::of_actor(&mut conn, actor.id).await?;
    let items = rows
        .iter()
        .map(|p| {
            crate::federation::objects::partnership::relationship_json(p)
                .map_err(AppError::internal)
                .and_then(|r| serde_json::to_value(r).map_err(AppError::internal))
        })
        .collect::<Result<Vec<Value>, AppError>>()?;
    activity_json(&OrderedCollection {
        context: None,
        id: state.urls.partnerships(&actor.handle),
        kind: "OrderedCollection".into(),
        total_items: items.len() as i64,
        first: None,
        ordered_items: Some(items),
    })
}
