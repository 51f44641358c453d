//! The forum: `/api/v1/groups` (our discussion groups: list, create, one group with its
//! threads, moderation and its log), `/api/v1/organisations/{handle}/threads` and
//! `/comments` (an organisation writing in a group here or elsewhere), and
//! `/api/v1/threads/{id}` (a thread with its comments).

use super::auth::Auth;
use super::json::ApiJson;
use super::json::ApiQuery;
use super::organisations::find;
use super::views::TranslationView;
use crate::db::models::actor::DbActor;
use crate::db::models::group::{self, DbGroup, GroupFull, ThreadSummary};
use crate::db::models::post::{DbPost, PostFull};
use crate::error::{AppError, AppResult};
use crate::federation::activities::group::ModAction;
use crate::federation::groups::local_group;
use crate::forum::{self, CommentInput, GroupInput, ThreadInput};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A group as the API shows it.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Group)]
pub struct GroupView {
    pub handle: String,
    pub id: String,
    pub name: serde_json::Value,
    pub description: serde_json::Value,
    pub rules: serde_json::Value,
    pub posting_restricted_to_mods: bool,
    pub moderators: Vec<String>,
    pub followers: i64,
}

async fn group_view(
    conn: &mut diesel_async::AsyncPgConnection,
    g: &GroupFull,
) -> AppResult<GroupView> {
    let mut moderators = group::moderator_usernames(conn, g.actor.id).await?;
    moderators.extend(
        group::moderator_actors(conn, g.actor.id)
            .await?
            .into_iter()
            .map(|a| a.ap_id.to_string()),
    );
    Ok(GroupView {
        handle: g.actor.handle.clone(),
        id: g.actor.ap_id.to_string(),
        name: g.group.name_map.clone(),
        description: g.actor.summary_map.clone(),
        rules: g.group.rules_map.clone(),
        posting_restricted_to_mods: g.group.posting_restricted_to_mods,
        moderators,
        followers: crate::db::models::follow::DbFollow::count_followers(conn, g.actor.id).await?,
    })
}

#[utoipa::path(get, path = "/api/v1/groups", tag = "forum", responses((status = 200, description = "The forum's groups", body = Vec<GroupView>)))]
pub async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<GroupView>>> {
    let mut conn = state.conn().await?;
    let groups = DbGroup::list_local(&mut conn).await?;
    let mut out = Vec::with_capacity(groups.len());
    for g in &groups {
        out.push(group_view(&mut conn, g).await?);
    }
    Ok(Json(out))
}

#[utoipa::path(post, path = "/api/v1/groups", tag = "forum", request_body = GroupInput, responses((status = 201, description = "The group created (admins)", body = GroupView)), security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<GroupInput>,
) -> AppResult<(StatusCode, Json<GroupView>)> {
    auth.require_admin()?;
    let mut conn = state.conn().await?;
    let g = forum::create_group(&mut conn, &state, &input, Some(auth.account.id)).await?;
    Ok((StatusCode::CREATED, Json(group_view(&mut conn, &g).await?)))
}

#[utoipa::path(get, path = "/api/v1/groups/{handle}", tag = "forum", params(("handle" = String, Path, description = "A group's handle on this instance")), responses((status = 200, description = "The group", body = GroupView)))]
pub async fn show(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Json<GroupView>> {
    let g = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    Ok(Json(group_view(&mut conn, &g).await?))
}

/// A thread or comment as the API shows it.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = ForumPost)]
pub struct ForumPostView {
    pub ap_id: String,
    pub author: String,
    pub author_name: String,
    pub in_reply_to: Option<String>,
    pub translations: Vec<TranslationView>,
    pub published: DateTime<Utc>,
    pub removed: bool,
    /// Its pictures, with their descriptions.
    pub images: Vec<ForumImageView>,
}

/// A picture of a thread or comment.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = ForumImage)]
pub struct ForumImageView {
    pub url: String,
    pub alt: String,
}

/// A thread in a list.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Thread)]
pub struct ThreadView {
    #[serde(flatten)]
    pub post: ForumPostView,
    pub group: Option<String>,
    pub locked: bool,
    pub pinned: bool,
    pub comments: i64,
    pub last_activity: DateTime<Utc>,
}

async fn authors(
    conn: &mut diesel_async::AsyncPgConnection,
    posts: &[&PostFull],
) -> AppResult<HashMap<i64, DbActor>> {
    Ok(DbActor::by_ids(conn, posts.iter().map(|p| p.post.actor_id)).await?)
}

pub(crate) fn post_view(p: &PostFull, authors: &HashMap<i64, DbActor>) -> ForumPostView {
    let author = authors.get(&p.post.actor_id);
    let removed = p.post.deleted_at.is_some();
    ForumPostView {
        ap_id: p.post.ap_id.to_string(),
        author: author.map(|a| a.ap_id.to_string()).unwrap_or_default(),
        author_name: author.map(|a| a.name.clone()).unwrap_or_default(),
        in_reply_to: p.post.in_reply_to.clone(),
        // A removed comment keeps its place (answers to it stay threaded), not its words.
        translations: if removed {
            Vec::new()
        } else {
            p.translations.iter().map(TranslationView::of).collect()
        },
        published: p.post.published,
        removed,
        images: p
            .images
            .iter()
            .filter(|_| !removed)
            .map(|i| ForumImageView {
                url: i.url.clone(),
                alt: i.alt_text.clone(),
            })
            .collect(),
    }
}

async fn thread_views(
    conn: &mut diesel_async::AsyncPgConnection,
    threads: &[ThreadSummary],
) -> AppResult<Vec<ThreadView>> {
    let posts: Vec<&PostFull> = threads.iter().map(|t| &t.post).collect();
    let authors = authors(conn, &posts).await?;
    Ok(threads
        .iter()
        .map(|t| ThreadView {
            post: post_view(&t.post, &authors),
            group: t.post.post.audience.clone(),
            locked: t.locked,
            pinned: t.post.post.pinned_at.is_some(),
            comments: t.comments,
            last_activity: t.last_activity,
        })
        .collect())
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Paging {
    #[serde(default)]
    pub offset: u32,
    pub limit: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/groups/{handle}/threads", tag = "forum", params(("handle" = String, Path, description = "A group's handle on this instance"), Paging), responses((status = 200, description = "The group's threads, pinned first, then by latest activity", body = Vec<ThreadView>)))]
pub async fn threads(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> AppResult<Json<Vec<ThreadView>>> {
    let g = local_group(&state, &handle).await?;
    let limit = paging.limit.unwrap_or(50).clamp(1, 200);
    let mut conn = state.conn().await?;
    let list = group::threads(
        &mut conn,
        g.actor.ap_id.as_str(),
        i64::from(limit),
        i64::from(paging.offset),
    )
    .await?;
    Ok(Json(thread_views(&mut conn, &list).await?))
}

/// A thread with its comments.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = ThreadWithComments)]
pub struct ThreadDetail {
    pub thread: ThreadView,
    pub comments: Vec<ForumPostView>,
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ThreadQuery {
    /// The thread's id (its URL).
    pub id: String,
}

#[utoipa::path(get, path = "/api/v1/threads", tag = "forum", params(ThreadQuery), responses((status = 200, description = "A thread with all its comments", body = ThreadDetail)))]
pub async fn thread(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ThreadQuery>,
) -> AppResult<Json<ThreadDetail>> {
    let mut conn = state.conn().await?;
    Ok(Json(thread_detail(&mut conn, &q.id).await?))
}

pub async fn thread_detail(
    conn: &mut diesel_async::AsyncPgConnection,
    id: &str,
) -> AppResult<ThreadDetail> {
    let post = DbPost::by_ap_id(conn, id)
        .await?
        .filter(|p| p.in_reply_to.is_none() && p.audience.is_some())
        .ok_or_else(|| AppError::not_found(format!("no thread `{id}` here")))?;
    if post.deleted_at.is_some() {
        // As its page: removed, with its comments.
        return Err(AppError::new(
            axum::http::StatusCode::GONE,
            "gone",
            "this thread was removed",
        ));
    }
    let state = group::forum_state(conn, post.id).await?;
    let full = DbPost::full(conn, post).await?;
    let comments = group::comments(conn, full.post.ap_id.as_str()).await?;
    let mut all: Vec<&PostFull> = comments.iter().collect();
    all.push(&full);
    let authors = authors(conn, &all).await?;
    let last_activity = comments
        .iter()
        .map(|c| c.post.published)
        .max()
        .unwrap_or(full.post.published)
        .max(full.post.published);
    Ok(ThreadDetail {
        thread: ThreadView {
            post: post_view(&full, &authors),
            group: full.post.audience.clone(),
            locked: state.locked_at.is_some(),
            pinned: full.post.pinned_at.is_some(),
            comments: comments
                .iter()
                .filter(|c| c.post.deleted_at.is_none())
                .count() as i64,
            last_activity,
        },
        comments: comments.iter().map(|c| post_view(c, &authors)).collect(),
    })
}

/// A new thread, written by an organisation in a group here or elsewhere.
#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewThread {
    /// A group here (its handle) or elsewhere (`@name@host`, or its URL).
    pub group: String,
    pub language: crate::vocab::Lang,
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// A picture for the thread: uploaded here first (`/api/v1/organisations/{handle}/media`).
    #[serde(default)]
    pub image: Option<crate::forum::ThreadImage>,
}

#[utoipa::path(post, path = "/api/v1/organisations/{handle}/threads", tag = "forum", params(("handle" = String, Path, description = "An organisation's handle on this instance")), request_body = NewThread, responses((status = 201, description = "The thread started (its editors)", body = ForumPostView)), security(("bearer" = [])))]
pub async fn post_thread(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<NewThread>,
) -> AppResult<(StatusCode, Json<ForumPostView>)> {
    let author = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &author).await?;
    let thread = ThreadInput {
        language: input.language,
        title: input.title,
        body: input.body,
        image: input.image,
    };
    thread.validate()?;
    drop(conn);
    let target = forum::resolve_group(&state, "group", &input.group).await?;
    let mut conn = state.conn().await?;
    let post =
        forum::post_thread(&mut conn, &state, &auth.account, &author, &target, &thread).await?;
    let authors = HashMap::from([(author.id, author)]);
    Ok((StatusCode::CREATED, Json(post_view(&post, &authors))))
}

#[utoipa::path(post, path = "/api/v1/organisations/{handle}/comments", tag = "forum", params(("handle" = String, Path, description = "An organisation's handle on this instance")), request_body = CommentInput, responses((status = 201, description = "The comment published (its editors)", body = ForumPostView)), security(("bearer" = [])))]
pub async fn post_comment(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<CommentInput>,
) -> AppResult<(StatusCode, Json<ForumPostView>)> {
    let author = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &author).await?;
    let post = forum::comment(&mut conn, &state, &author, &input).await?;
    let authors = HashMap::from([(author.id, author)]);
    Ok((StatusCode::CREATED, Json(post_view(&post, &authors))))
}

/// A moderator's action on a thread, a comment (`object`: its id) or an actor (ban).
#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moderation {
    /// `remove`, `lock`, `unlock`, `pin`, `unpin`, `ban`, `unban`.
    pub action: String,
    /// The thread's or comment's id, or the actor's (`@name@host` or URL for a ban).
    pub object: String,
    pub reason: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/groups/{handle}/moderation", tag = "forum", params(("handle" = String, Path, description = "A group's handle on this instance")), request_body = Moderation, responses((status = 204, description = "Done, recorded and announced by the group")), security(("bearer" = [])))]
pub async fn moderate(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<Moderation>,
) -> AppResult<StatusCode> {
    let g = local_group(&state, &handle).await?;
    let action = ModAction::parse(&input.action).ok_or_else(|| {
        AppError::invalid(
            "action",
            "one of remove, lock, unlock, pin, unpin, ban, unban",
        )
    })?;
    let object = if matches!(action, ModAction::Ban | ModAction::Unban) {
        crate::federation::resolve::target(&state, &input.object)
            .await
            .map_err(|e| AppError::invalid("object", e.to_string()))?
            .ap_id
            .to_string()
    } else {
        input.object.clone()
    };
    let mut conn = state.conn().await?;
    forum::moderate_as(
        &mut conn,
        &state,
        &g,
        &auth.account,
        action,
        &object,
        input.reason.as_deref(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One line of a group's moderation log.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = ModerationLogEntry)]
pub struct LogView {
    pub action: String,
    pub object: String,
    pub by: String,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

#[utoipa::path(get, path = "/api/v1/groups/{handle}/moderation-log", tag = "forum", params(("handle" = String, Path, description = "A group's handle on this instance")), responses((status = 200, description = "Who did what, when and why (the group's moderators)", body = Vec<LogView>)), security(("bearer" = [])))]
pub async fn moderation_log(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
) -> AppResult<Json<Vec<LogView>>> {
    let g = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    if !forum::may_moderate(&mut conn, &g, &auth.account).await? {
        return Err(AppError::forbidden(
            "only the group's moderators see its moderation log",
        ));
    }
    let entries = group::log_of(&mut conn, g.actor.ap_id.as_str(), 200).await?;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let by = match (e.account_id, e.actor_id) {
            (Some(a), _) => crate::db::models::account::Account::by_account_id(&mut conn, a)
                .await?
                .map(|a| a.username)
                .unwrap_or_default(),
            (None, Some(a)) => DbActor::by_id(&mut conn, a).await?.ap_id.to_string(),
            (None, None) => String::new(),
        };
        out.push(LogView {
            action: e.action,
            object: e.object_ap_id,
            by,
            reason: e.reason,
            at: e.created_at,
        });
    }
    Ok(Json(out))
}
