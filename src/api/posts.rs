//! Project posts: `/api/v1/organisations/{handle}/posts` and `/api/v1/posts/{id}`.

use super::auth::Auth;
use super::json::{ApiJson, ApiQuery};
use super::organisations::find;
use super::views::{Page, PostView};
use crate::db::models::actor::DbActor;
use crate::db::models::inbox::{PostCounts, post_counts};
use crate::db::models::post::{DbPost, PostFull};
use crate::error::{AppError, AppResult};
use crate::posts::{PartnerError, PostInput, resolve_partners};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Posts older than this one (the `next` link gives it).
    before: Option<i64>,
    /// From 1 to 100 (default 20).
    limit: Option<i64>,
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/posts",
    tag = "posts",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), ListQuery),
    responses((status = 200, description = "The organisation's posts, newest first", body = Page<PostView>))
)]
pub async fn list(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> AppResult<Json<Page<PostView>>> {
    let actor = find(&state, &handle).await?;
    let limit = q.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(AppError::invalid("limit", "from 1 to 100"));
    }
    let mut conn = state.conn().await?;
    let posts = DbPost::page_by_actor(&mut conn, actor.id, q.before, limit).await?;
    let ids: Vec<i64> = posts.iter().map(|p| p.post.id).collect();
    let counts = post_counts(&mut conn, &ids).await?;
    let next = (posts.len() as i64 == limit)
        .then(|| {
            posts.last().map(|p| {
                format!(
                    "/api/v1/organisations/{}/posts?before={}&limit={limit}",
                    actor.handle, p.post.id
                )
            })
        })
        .flatten();
    Ok(Json(Page {
        items: posts
            .iter()
            .map(|p| {
                let c = counts.get(&p.post.id).copied().unwrap_or_default();
                PostView::new(p, &actor.handle, &c)
            })
            .collect(),
        next,
    }))
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/posts",
    tag = "posts",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    request_body = PostInput,
    responses((status = 201, description = "The post published (its editors)", body = PostView)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    data: crate::state::FedData,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(mut input): ApiJson<PostInput>,
) -> AppResult<(StatusCode, Json<PostView>)> {
    let actor = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &actor).await?;
    drop(conn);
    input.partners = resolve_partners(&data, &input.partners)
        .await
        .map_err(PartnerError::into_app_error)?;
    let mut conn = state.conn().await?;
    if let Some(parent) = &input.in_reply_to {
        // The post answered must be known (fetched and stored if it is remote).
        crate::federation::resolve::post(&data, parent)
            .await
            .map_err(|e| e.into_app_error("in_reply_to"))?;
    }
    let data = input.validate(&mut conn, state.urls.base()).await?;
    // The post and its deliveries are written together, or not at all.
    let post = crate::posts::publish_new(&mut conn, &state, &actor, &data).await?;
    Ok((
        StatusCode::CREATED,
        Json(PostView::new(&post, &actor.handle, &PostCounts::default())),
    ))
}

/// A live local post and its author by the id in API paths.
async fn load(state: &AppState, id: &str) -> AppResult<(PostFull, DbActor)> {
    crate::federation::routes::load_local_post(state, id).await
}

/// A post's view with its counts.
async fn view(
    conn: &mut diesel_async::AsyncPgConnection,
    post: &PostFull,
    author: &DbActor,
) -> AppResult<PostView> {
    let counts = post_counts(conn, &[post.post.id])
        .await?
        .remove(&post.post.id)
        .unwrap_or_default();
    Ok(PostView::new(post, &author.handle, &counts))
}

#[utoipa::path(
    get,
    path = "/api/v1/posts/{id}",
    tag = "posts",
    params(("id" = String, Path, description = "A post's id (the last segment of its URL)")),
    responses((status = 200, description = "The post", body = PostView))
)]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<PostView>> {
    let (post, author) = load(&state, &id).await?;
    let mut conn = state.conn().await?;
    Ok(Json(view(&mut conn, &post, &author).await?))
}

/// Replaces a post's content (all language versions, themes, images…).
#[utoipa::path(
    put,
    path = "/api/v1/posts/{id}",
    tag = "posts",
    params(("id" = String, Path, description = "A post's id (the last segment of its URL)")),
    request_body = PostInput,
    responses((status = 200, description = "The post as replaced", body = PostView)),
    security(("bearer" = []))
)]
pub async fn replace(
    State(state): State<AppState>,
    data: crate::state::FedData,
    auth: Auth,
    Path(id): Path<String>,
    ApiJson(mut input): ApiJson<PostInput>,
) -> AppResult<Json<PostView>> {
    let (post, author) = load(&state, &id).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &author).await?;
    drop(conn);
    input.partners = resolve_partners(&data, &input.partners)
        .await
        .map_err(PartnerError::into_app_error)?;
    let mut conn = state.conn().await?;
    let data = input.validate(&mut conn, state.urls.base()).await?;
    let updated =
        crate::posts::publish_update(&mut conn, &state, &author, post.post.id, &data).await?;
    Ok(Json(view(&mut conn, &updated, &author).await?))
}

#[utoipa::path(
    delete,
    path = "/api/v1/posts/{id}",
    tag = "posts",
    params(("id" = String, Path, description = "A post's id (the last segment of its URL)")),
    responses((status = 204, description = "Deleted; its URL then answers 410 Gone")),
    security(("bearer" = []))
)]
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let (post, author) = load(&state, &id).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &author).await?;
    crate::posts::publish_delete(&mut conn, &state, &author, &post).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn set_pin(
    state: AppState,
    auth: Auth,
    id: String,
    pinned: bool,
) -> AppResult<Json<PostView>> {
    let (post, author) = load(&state, &id).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &author).await?;
    let row = DbPost::set_pinned(&mut conn, post.post.id, pinned).await?;
    let full = DbPost::full(&mut conn, row).await?;
    Ok(Json(view(&mut conn, &full, &author).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/posts/{id}/pin",
    tag = "posts",
    params(("id" = String, Path, description = "A post's id (the last segment of its URL)")),
    responses((status = 200, description = "The post, pinned to the organisation's profile", body = PostView)),
    security(("bearer" = []))
)]
pub async fn pin(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<PostView>> {
    set_pin(state, auth, id, true).await
}

#[utoipa::path(
    delete,
    path = "/api/v1/posts/{id}/pin",
    tag = "posts",
    params(("id" = String, Path, description = "A post's id (the last segment of its URL)")),
    responses((status = 200, description = "The post, unpinned", body = PostView)),
    security(("bearer" = []))
)]
pub async fn unpin(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<PostView>> {
    set_pin(state, auth, id, false).await
}
