//! `/api/v1/organisations`: list, show, create (admin), edit profile (editor).

use super::auth::Auth;
use super::json::ApiJson;
use super::views::OrganisationView;
use crate::db::models::actor::DbActor;
use crate::error::{AppError, AppResult};
use crate::orgs::{self, NewOrganisation, ProfileUpdate};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use diesel_async::AsyncConnection;

#[utoipa::path(
    get,
    path = "/api/v1/organisations",
    tag = "organisations",
    responses((status = 200, description = "This instance's organisations", body = Vec<OrganisationView>))
)]
pub async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<OrganisationView>>> {
    let mut conn = state.conn().await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    Ok(Json(orgs.iter().map(OrganisationView::from).collect()))
}

/// A local organisation by handle, or 404.
pub async fn find(state: &AppState, handle: &str) -> AppResult<DbActor> {
    let mut conn = state.conn().await?;
    DbActor::local_by_handle(&mut conn, handle)
        .await?
        .filter(DbActor::is_organisation)
        .ok_or_else(|| AppError::not_found(format!("no organisation `{handle}` on this instance")))
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}",
    tag = "organisations",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    responses((status = 200, description = "The organisation's profile", body = OrganisationView))
)]
pub async fn show(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Json<OrganisationView>> {
    Ok(Json(OrganisationView::from(&find(&state, &handle).await?)))
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations",
    tag = "organisations",
    request_body = NewOrganisation,
    responses((status = 201, description = "The organisation created (admins only)", body = OrganisationView)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<NewOrganisation>,
) -> AppResult<(StatusCode, Json<OrganisationView>)> {
    auth.require_admin()?;
    let mut conn = state.conn().await?;
    let actor = orgs::create(&mut conn, &state.urls, &input).await?;
    Ok((StatusCode::CREATED, Json(OrganisationView::from(&actor))))
}

#[utoipa::path(
    patch,
    path = "/api/v1/organisations/{handle}",
    tag = "organisations",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    request_body = ProfileUpdate,
    responses((status = 200, description = "The profile as changed (its editors)", body = OrganisationView)),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<ProfileUpdate>,
) -> AppResult<Json<OrganisationView>> {
    let actor = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &actor).await?;
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            let updated = orgs::update(conn, &actor, input).await?;
            // Followers elsewhere refresh the profile from the Update.
            crate::federation::activities::other::publish_profile(conn, &state, &updated).await?;
            Ok(updated)
        })
        .await?;
    state.wakeup.wake();
    Ok(Json(OrganisationView::from(&updated)))
}
