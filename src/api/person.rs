//! Writing as oneself: `/api/v1/me/person` (one's own `Person` actor: see it, turn it on or
//! change its name, turn it off) and `/api/v1/me/person/threads`, `/comments` (writing in
//! a group here or elsewhere as that Person).

use super::auth::Auth;
use super::forum::{ForumPostView, NewThread, post_view};
use super::json::ApiJson;
use crate::db::models::person::{self, Person};
use crate::error::{AppError, AppResult};
use crate::forum::person::PersonInput;
use crate::forum::{self, CommentInput, ThreadInput};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use std::collections::HashMap;

/// One's own actor as the API shows it.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Person)]
pub struct PersonView {
    /// Its handle (`@handle@host`); chosen once.
    pub handle: String,
    /// Its ActivityPub id (also its profile page).
    pub id: String,
    /// `@handle@host`, as people elsewhere find it.
    pub address: String,
    pub name: String,
    /// Off: deleted here and elsewhere; turning it on again brings the same actor back.
    pub enabled: bool,
}

fn view(state: &AppState, p: &Person) -> PersonView {
    PersonView {
        handle: p.actor.handle.clone(),
        id: p.actor.ap_id.to_string(),
        address: format!("@{}@{}", p.actor.handle, state.config.instance.domain),
        name: p.actor.name.clone(),
        enabled: p.enabled(),
    }
}

#[utoipa::path(get, path = "/api/v1/me/person", tag = "accounts", responses((status = 200, description = "Your own actor, on or off", body = PersonView), (status = 404, description = "You never turned it on")), security(("bearer" = [])))]
pub async fn show(State(state): State<AppState>, auth: Auth) -> AppResult<Json<PersonView>> {
    let mut conn = state.conn().await?;
    let p = person::of_account(&mut conn, auth.account.id)
        .await?
        .ok_or_else(|| AppError::not_found("you never turned on writing as yourself"))?;
    Ok(Json(view(&state, &p)))
}

#[utoipa::path(put, path = "/api/v1/me/person", tag = "accounts", request_body = PersonInput, responses((status = 200, description = "Your own actor, on, with this name", body = PersonView), (status = 422, description = "A handle taken or malformed, or a name too long (the field is named)")), security(("bearer" = [])))]
pub async fn put(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<PersonInput>,
) -> AppResult<Json<PersonView>> {
    let mut conn = state.conn().await?;
    let p = forum::person::enable(&mut conn, &state, &auth.account, &input).await?;
    Ok(Json(view(&state, &p)))
}

#[utoipa::path(delete, path = "/api/v1/me/person", tag = "accounts", responses((status = 204, description = "Turned off: the actor's Delete is sent, what it wrote removed, its id answers 410"), (status = 404, description = "It is not on")), security(("bearer" = [])))]
pub async fn delete(State(state): State<AppState>, auth: Auth) -> AppResult<StatusCode> {
    let mut conn = state.conn().await?;
    forum::person::disable(&mut conn, &state, &auth.account).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn me(state: &AppState, auth: &Auth) -> AppResult<crate::db::models::actor::DbActor> {
    let mut conn = state.conn().await?;
    forum::person::active(&mut conn, auth.account.id)
        .await?
        .ok_or_else(|| {
            AppError::forbidden("turn on writing as yourself first (PUT /api/v1/me/person)")
        })
}

#[utoipa::path(post, path = "/api/v1/me/person/threads", tag = "forum", request_body = NewThread, responses((status = 201, description = "The thread started as yourself", body = ForumPostView)), security(("bearer" = [])))]
pub async fn post_thread(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<NewThread>,
) -> AppResult<(StatusCode, Json<ForumPostView>)> {
    let author = me(&state, &auth).await?;
    let thread = ThreadInput {
        language: input.language,
        title: input.title,
        body: input.body,
        image: input.image,
    };
    thread.validate()?;
    let target = forum::resolve_group(&state, "group", &input.group).await?;
    let mut conn = state.conn().await?;
    let post =
        forum::post_thread(&mut conn, &state, &auth.account, &author, &target, &thread).await?;
    let authors = HashMap::from([(author.id, author)]);
    Ok((StatusCode::CREATED, Json(post_view(&post, &authors))))
}

#[utoipa::path(post, path = "/api/v1/me/person/comments", tag = "forum", request_body = CommentInput, responses((status = 201, description = "The comment published as yourself", body = ForumPostView)), security(("bearer" = [])))]
pub async fn post_comment(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CommentInput>,
) -> AppResult<(StatusCode, Json<ForumPostView>)> {
    let author = me(&state, &auth).await?;
    let mut conn = state.conn().await?;
    let post = forum::comment(&mut conn, &state, &author, &input).await?;
    let authors = HashMap::from([(author.id, author)]);
    Ok((StatusCode::CREATED, Json(post_view(&post, &authors))))
}

#[utoipa::path(post, path = "/api/v1/me/person/reports", tag = "forum", request_body = super::forum_reports::NewReport, responses((status = 201, description = "The report, as yourself: recorded for the group's moderators here or sent to the group elsewhere as your Flag", body = super::forum_reports::ReportView)), security(("bearer" = [])))]
pub async fn report(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<super::forum_reports::NewReport>,
) -> AppResult<(StatusCode, Json<super::forum_reports::ReportView>)> {
    let reporter = me(&state, &auth).await?;
    let mut conn = state.conn().await?;
    let row = forum::reports::report(
        &mut conn,
        &state,
        &auth.account,
        Some(&reporter),
        &input.object,
        &input.reason,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(super::forum_reports::view(&mut conn, row).await?),
    ))
}
