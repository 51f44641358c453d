//! Reports in the forum: `/api/v1/organisations/{handle}/reports` (an organisation's editor
//! reports a thread or comment: recorded for one of our groups' moderators, or sent as a
//! `Flag` to a group elsewhere), `/api/v1/groups/{handle}/reports` (a group's reports, for
//! its moderators) and `…/reports/{id}/resolve`.

use super::auth::Auth;
use super::json::ApiJson;
use super::organisations::find;
use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::db::models::group_report::{self, DbGroupReport};
use crate::error::{AppError, AppResult};
use crate::federation::groups::local_group;
use crate::forum;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A report about a thread or comment.
#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    /// The thread's or comment's id (its URL).
    pub object: String,
    /// Why: required, at most 1000 characters.
    pub reason: String,
}

/// A report as the API shows it.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = GroupReport)]
pub struct ReportView {
    pub id: i64,
    /// The thread or comment reported.
    pub object: String,
    /// Who reported: an account of this instance (its username), or an actor's id.
    pub by: String,
    /// The organisation or remote actor that sent the report, if any.
    pub actor: Option<String>,
    pub reason: String,
    pub at: DateTime<Utc>,
    pub resolved: bool,
}

pub(crate) async fn view(
    conn: &mut diesel_async::AsyncPgConnection,
    r: DbGroupReport,
) -> AppResult<ReportView> {
    let actor = match r.actor_id {
        Some(a) => Some(DbActor::by_id(conn, a).await?.ap_id.to_string()),
        None => None,
    };
    let by = match r.account_id {
        Some(a) => Account::by_account_id(conn, a)
            .await?
            .map(|a| a.username)
            .unwrap_or_default(),
        None => actor.clone().unwrap_or_default(),
    };
    Ok(ReportView {
        id: r.id,
        object: r.object_ap_id,
        by,
        actor,
        reason: r.reason,
        at: r.created_at,
        resolved: r.resolved_at.is_some(),
    })
}

#[utoipa::path(post, path = "/api/v1/organisations/{handle}/reports", tag = "forum", params(("handle" = String, Path, description = "An organisation's handle on this instance")), request_body = NewReport, responses((status = 201, description = "The report, recorded for the group's moderators here or sent to the group elsewhere (its editors)", body = ReportView)), security(("bearer" = [])))]
pub async fn report(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<NewReport>,
) -> AppResult<(StatusCode, Json<ReportView>)> {
    let reporter = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &reporter).await?;
    let row = forum::reports::report(
        &mut conn,
        &state,
        &auth.account,
        Some(&reporter),
        &input.object,
        &input.reason,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(view(&mut conn, row).await?)))
}

#[utoipa::path(get, path = "/api/v1/groups/{handle}/reports", tag = "forum", params(("handle" = String, Path, description = "A group's handle on this instance")), responses((status = 200, description = "The group's reports, open ones first (its moderators)", body = Vec<ReportView>)), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
) -> AppResult<Json<Vec<ReportView>>> {
    let g = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    if !forum::may_moderate(&mut conn, &g, &auth.account).await? {
        return Err(AppError::forbidden(
            "only the group's moderators see its reports",
        ));
    }
    let rows = group_report::of_group(&mut conn, g.actor.id, 200).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(view(&mut conn, r).await?);
    }
    Ok(Json(out))
}

#[utoipa::path(post, path = "/api/v1/groups/{handle}/reports/{id}/resolve", tag = "forum", params(("handle" = String, Path, description = "A group's handle on this instance"), ("id" = i64, Path, description = "The report's number")), responses((status = 204, description = "Marked resolved, and logged (its moderators)")), security(("bearer" = [])))]
pub async fn resolve(
    State(state): State<AppState>,
    auth: Auth,
    Path((handle, id)): Path<(String, i64)>,
) -> AppResult<StatusCode> {
    let g = local_group(&state, &handle).await?;
    let mut conn = state.conn().await?;
    forum::reports::resolve(&mut conn, &g, &auth.account, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
