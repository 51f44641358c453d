//! Editors' federation actions: follow and unfollow by handle or URL, answer follow
//! requests, boost; and what was delivered where (editors), the queue's health (operators).

use super::auth::Auth;
use super::json::{ApiJson, ApiQuery};
use super::organisations::find;
use crate::db::models::actor::DbActor;
use crate::db::models::delivery::{self, DeliveryState};
use crate::db::models::follow::DbFollow;
use crate::error::{AppError, AppResult};
use crate::federation::activities::{announce, follow};
use crate::federation::resolve;
use crate::state::{AppState, FedData};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use diesel_async::AsyncConnection;
use serde::{Deserialize, Serialize};

/// An actor by `@name@host`, `name@host`, a local handle, or its URL, for the API: a
/// failure is a 400 on `field` saying which step failed.
pub async fn resolve_actor(data: &FedData, target: &str, field: &str) -> AppResult<DbActor> {
    resolve::target(data, target)
        .await
        .map_err(|e| e.into_app_error(field))
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = Target)]
pub struct TargetBody {
    /// `@name@host`, a local handle, or an actor URL.
    target: String,
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Follow)]
pub struct FollowView {
    pub actor: String,
    pub handle: String,
    pub name: String,
    pub accepted: bool,
}

fn follow_view(actor: &DbActor, accepted: bool) -> FollowView {
    FollowView {
        actor: actor.ap_id.to_string(),
        handle: format!("@{}@{}", actor.handle, actor.domain),
        name: actor.name.clone(),
        accepted,
    }
}

async fn editor_org(state: &AppState, auth: &Auth, handle: &str) -> AppResult<DbActor> {
    let actor = find(state, handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &actor).await?;
    Ok(actor)
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/following",
    tag = "federation",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    request_body = TargetBody,
    responses((status = 202, description = "Followed (accepted, or waiting for the other side)", body = FollowView)),
    security(("bearer" = []))
)]
pub async fn follow_create(
    State(state): State<AppState>,
    data: FedData,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(body): ApiJson<TargetBody>,
) -> AppResult<(StatusCode, Json<FollowView>)> {
    let follower = editor_org(&state, &auth, &handle).await?;
    let target = resolve_actor(&data, &body.target, "target").await?;
    let mut conn = state.conn().await?;
    let f = conn
        .transaction::<_, AppError, _>(async |conn| {
            follow::follow(conn, &state, &follower, &target).await
        })
        .await?;
    state.wakeup.wake();
    Ok((StatusCode::ACCEPTED, Json(follow_view(&target, f.accepted))))
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct TargetQuery {
    target: String,
}

#[utoipa::path(
    delete,
    path = "/api/v1/organisations/{handle}/following",
    tag = "federation",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), TargetQuery),
    responses((status = 204, description = "Unfollowed")),
    security(("bearer" = []))
)]
pub async fn follow_delete(
    State(state): State<AppState>,
    data: FedData,
    auth: Auth,
    Path(handle): Path<String>,
    ApiQuery(q): ApiQuery<TargetQuery>,
) -> AppResult<StatusCode> {
    let follower = editor_org(&state, &auth, &handle).await?;
    let target = resolve_actor(&data, &q.target, "target").await?;
    let mut conn = state.conn().await?;
    conn.transaction::<_, AppError, _>(async |conn| {
        follow::unfollow(conn, &state, &follower, &target).await
    })
    .await?;
    state.wakeup.wake();
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/following",
    tag = "federation",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    responses((status = 200, description = "Whom the organisation follows (accepted or pending)", body = Vec<FollowView>))
)]
pub async fn following(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Json<Vec<FollowView>>> {
    list(&state, &handle, true).await
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/followers",
    tag = "federation",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    responses((status = 200, description = "The organisation's followers", body = Vec<FollowView>))
)]
pub async fn followers(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Json<Vec<FollowView>>> {
    list(&state, &handle, false).await
}

async fn list(state: &AppState, handle: &str, following: bool) -> AppResult<Json<Vec<FollowView>>> {
    let org = find(state, handle).await?;
    let mut conn = state.conn().await?;
    let rows = if following {
        DbFollow::following_of(&mut conn, org.id).await?
    } else {
        DbFollow::followers_list(&mut conn, org.id).await?
    };
    Ok(Json(
        rows.iter().map(|(a, acc)| follow_view(a, *acc)).collect(),
    ))
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = FollowRequest)]
pub struct RequestView {
    pub id: i64,
    #[serde(flatten)]
    pub follower: FollowView,
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/follow-requests",
    tag = "federation",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    responses((status = 200, description = "Follow requests waiting for approval (its editors)", body = Vec<RequestView>)),
    security(("bearer" = []))
)]
pub async fn requests(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
) -> AppResult<Json<Vec<RequestView>>> {
    let org = editor_org(&state, &auth, &handle).await?;
    let mut conn = state.conn().await?;
    let pending = DbFollow::pending_for(&mut conn, org.id).await?;
    Ok(Json(
        pending
            .iter()
            .map(|(f, a)| RequestView {
                id: f.id,
                follower: follow_view(a, false),
            })
            .collect(),
    ))
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/follow-requests/{id}/{verb}",
    tag = "federation",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), ("id" = i64, Path, description = "The follow request's id"), ("verb" = String, Path, description = "`accept` or `reject`")),
    responses((status = 204, description = "Answered")),
    security(("bearer" = []))
)]
pub async fn answer_request(
    State(state): State<AppState>,
    auth: Auth,
    Path((handle, id, verb)): Path<(String, i64, String)>,
) -> AppResult<StatusCode> {
    let accept = match verb.as_str() {
        "accept" => true,
        "reject" => false,
        _ => return Err(AppError::not_found("answer with /accept or /reject")),
    };
    let org = editor_org(&state, &auth, &handle).await?;
    let mut conn = state.conn().await?;
    let (f, follower) = DbFollow::pending_for(&mut conn, org.id)
        .await?
        .into_iter()
        .find(|(f, _)| f.id == id)
        .ok_or_else(|| AppError::not_found(format!("no pending follow request {id}")))?;
    conn.transaction::<_, AppError, _>(async |conn| {
        follow::answer(conn, &state, &org, &follower, &f, accept).await
    })
    .await?;
    state.wakeup.wake();
    Ok(StatusCode::NO_CONTENT)
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = Boost)]
pub struct BoostBody {
    /// The URL of the post to boost.
    object: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/boosts",
    tag = "federation",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    request_body = BoostBody,
    responses((status = 202, description = "Boosted", body = BoostView)),
    security(("bearer" = []))
)]
pub async fn boost(
    State(state): State<AppState>,
    data: FedData,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(body): ApiJson<BoostBody>,
) -> AppResult<(StatusCode, Json<BoostView>)> {
    let org = editor_org(&state, &auth, &handle).await?;
    let post = resolve::post(&data, &body.object)
        .await
        .map_err(|e| e.into_app_error("object"))?;
    if post.deleted_at.is_some() {
        return Err(AppError::invalid("object", "that post was deleted"));
    }
    let mut conn = state.conn().await?;
    let id = conn
        .transaction::<_, AppError, _>(async |conn| {
            announce::boost(conn, &state, &org, &post).await
        })
        .await?;
    state.wakeup.wake();
    Ok((
        StatusCode::ACCEPTED,
        Json(BoostView {
            id,
            object: post.ap_id.to_string(),
        }),
    ))
}

/// Where a post's activities went: delivered to N of M inboxes, the failing ones named.
/// A boost sent.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BoostView {
    /// The Announce activity's id.
    pub id: String,
    /// The post boosted.
    pub object: String,
}

/// Where a post's activities went: how many inboxes, in which state, and the failing ones.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeliveryReport {
    /// How long delivery records are kept (`retention.sent_days`): an activity sent longer
    /// ago, all of whose deliveries are finished, is no longer counted here.
    pub records_kept_days: u64,
    pub inboxes: usize,
    pub delivered: usize,
    pub pending: usize,
    pub rejected: usize,
    pub gone: usize,
    pub failed: usize,
    pub failing: Vec<FailingDelivery>,
}

/// A delivery that failed at least once.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FailingDelivery {
    pub instance: String,
    pub state: DeliveryState,
    pub attempts: i32,
    pub error: Option<String>,
}

/// The delivery queue's counts and the instances with pending or failed deliveries.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct QueueView {
    pub queue: delivery::QueueSummary,
    pub instances: Vec<delivery::InstanceHealth>,
}

#[utoipa::path(
    get,
    path = "/api/v1/posts/{id}/deliveries",
    tag = "federation",
    params(("id" = String, Path, description = "A post's id (the last segment of its URL)")),
    responses((status = 200, description = "Where the post's activities went (its editors)", body = DeliveryReport)),
    security(("bearer" = []))
)]
pub async fn deliveries(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<DeliveryReport>> {
    let (post, author) = crate::federation::routes::load_local_post(&state, &id).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &author).await?;
    let rows = delivery::report_for_object(&mut conn, post.post.ap_id.as_str()).await?;
    let count = |s: DeliveryState| rows.iter().filter(|r| r.1 == s).count();
    let failing = rows
        .iter()
        .filter(|r| r.1.is_failing(r.2))
        .map(|(domain, st, attempts, err)| FailingDelivery {
            instance: domain.clone(),
            state: *st,
            attempts: *attempts,
            error: err.clone(),
        })
        .collect();
    Ok(Json(DeliveryReport {
        records_kept_days: state.config.retention.sent_days,
        inboxes: rows.len(),
        delivered: count(DeliveryState::Delivered),
        pending: count(DeliveryState::Pending),
        rejected: count(DeliveryState::Rejected),
        gone: count(DeliveryState::Gone),
        failed: count(DeliveryState::Failed),
        failing,
    }))
}

/// The delivery queue and the instances that fail (admins and moderators).
#[utoipa::path(
    get,
    path = "/api/v1/admin/federation",
    tag = "admin",
    responses((status = 200, description = "The delivery queue and the health of each instance (admins, moderators)", body = QueueView)),
    security(("bearer" = []))
)]
pub async fn queue(State(state): State<AppState>, auth: Auth) -> AppResult<Json<QueueView>> {
    if !(auth.account.is_admin || auth.account.is_moderator) {
        return Err(AppError::forbidden(
            "only admins and moderators see the queue",
        ));
    }
    let mut conn = state.conn().await?;
    let summary = delivery::summary(&mut conn).await?;
    let instances = delivery::instance_health(&mut conn).await?;
    Ok(Json(QueueView {
        queue: summary,
        instances,
    }))
}

fn require_moderator(auth: &Auth) -> AppResult<()> {
    if auth.account.is_admin || auth.account.is_moderator {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "only admins and moderators manage domain blocks",
        ))
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/admin/domain-blocks",
    tag = "admin",
    responses((status = 200, description = "Blocked instances (admins, moderators)", body = Vec<delivery::DomainBlock>)),
    security(("bearer" = []))
)]
pub async fn blocks(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<delivery::DomainBlock>>> {
    require_moderator(&auth)?;
    let mut conn = state.conn().await?;
    Ok(Json(delivery::blocks(&mut conn).await?))
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = NewDomainBlock)]
pub struct BlockBody {
    domain: String,
    reason: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/domain-blocks",
    tag = "admin",
    request_body = BlockBody,
    responses((status = 204, description = "Blocked")),
    security(("bearer" = []))
)]
pub async fn block(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(body): ApiJson<BlockBody>,
) -> AppResult<StatusCode> {
    require_moderator(&auth)?;
    let domain = body.domain.trim().to_ascii_lowercase();
    if !crate::config::valid_domain(&domain) || domain == state.config.instance.domain {
        return Err(AppError::invalid(
            "domain",
            "a host name with an optional port, not this instance",
        ));
    }
    let mut conn = state.conn().await?;
    delivery::block(&mut conn, &domain, body.reason.as_deref()).await?;
    tracing::info!(domain, by = auth.account.username, "instance blocked");
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    delete,
    path = "/api/v1/admin/domain-blocks/{domain}",
    tag = "admin",
    params(("domain" = String, Path, description = "The blocked host")),
    responses((status = 204, description = "The block is lifted")),
    security(("bearer" = []))
)]
pub async fn unblock(
    State(state): State<AppState>,
    auth: Auth,
    Path(domain): Path<String>,
) -> AppResult<StatusCode> {
    require_moderator(&auth)?;
    let mut conn = state.conn().await?;
    if delivery::unblock(&mut conn, &domain.to_ascii_lowercase()).await? == 0 {
        return Err(AppError::not_found(format!("`{domain}` is not blocked")));
    }
    Ok(StatusCode::NO_CONTENT)
}
