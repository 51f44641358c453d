//! Editorial review: `/api/v1/showcases` (the network's showcases; admins set one up),
//! `/api/v1/posts/{id}/submissions` (an organisation's editors submit a post and follow its
//! submissions), `/api/v1/organisations/{handle}/submissions` and `/api/v1/review` (the
//! reviewers' queue and their decisions).

use super::auth::Auth;
use super::json::{ApiJson, ApiQuery};
use super::organisations::find;
use crate::db::models::submission::{self as db, State as SubmissionState};
use crate::error::{AppError, AppResult};
use crate::forum::GroupInput;
use crate::review::{self, Decision, Details};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

/// One of the network's showcases.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Showcase)]
pub struct ShowcaseView {
    pub handle: String,
    pub id: String,
    pub name: serde_json::Value,
    /// A post edited after approval goes back to the queue.
    pub review_edits: bool,
    /// Submissions waiting for a reviewer.
    pub waiting: i64,
}

/// A new showcase: a group (only moderators post in it) and whether edits are reviewed.
#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowcaseInput {
    pub group: GroupInput,
    #[serde(default)]
    pub review_edits: bool,
}

#[utoipa::path(get, path = "/api/v1/showcases", tag = "review", responses((status = 200, description = "The network's showcases", body = Vec<ShowcaseView>)))]
pub async fn showcases(State(state): State<AppState>) -> AppResult<Json<Vec<ShowcaseView>>> {
    let mut conn = state.conn().await?;
    let mut out = Vec::new();
    for s in db::showcases(&mut conn).await? {
        let actor = crate::db::models::actor::DbActor::by_id(&mut conn, s.group_id).await?;
        let Some(g) =
            crate::db::models::group::DbGroup::local_by_ap_id(&mut conn, actor.ap_id.as_str())
                .await?
        else {
            continue;
        };
        let waiting = db::count_in_state(&mut conn, s.group_id, SubmissionState::Pending).await?;
        out.push(ShowcaseView {
            handle: g.actor.handle.clone(),
            id: g.actor.ap_id.to_string(),
            name: g.group.name_map.clone(),
            review_edits: s.review_edits,
            waiting,
        });
    }
    Ok(Json(out))
}

#[utoipa::path(post, path = "/api/v1/showcases", tag = "review", request_body = ShowcaseInput, responses((status = 201, description = "The showcase set up (admins)", body = ShowcaseView)), security(("bearer" = [])))]
pub async fn create_showcase(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ShowcaseInput>,
) -> AppResult<(StatusCode, Json<ShowcaseView>)> {
    auth.require_admin()?;
    let mut conn = state.conn().await?;
    let g = review::create_showcase(
        &mut conn,
        &state,
        &input.group,
        input.review_edits,
        Some(auth.account.id),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(ShowcaseView {
            handle: g.actor.handle.clone(),
            id: g.actor.ap_id.to_string(),
            name: g.group.name_map.clone(),
            review_edits: input.review_edits,
            waiting: 0,
        }),
    ))
}

/// Where to submit a post: a showcase of this network (empty: its own) or of another,
/// as `@name@host` or URL.
#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitInput {
    #[serde(default)]
    pub showcase: String,
}

/// The reader's language for titles: `lang` in the query, else the instance's main one.
#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// A language code (`de`, `fr`, …) for the posts' titles.
    pub lang: Option<String>,
    /// For the review queue: `pending` (default), `changes_requested`, `approved` or
    /// `declined`.
    pub state: Option<String>,
}

fn lang_of(state: &AppState, q: &LangQuery) -> String {
    q.lang
        .clone()
        .unwrap_or_else(|| state.config.main_language().code().to_string())
}

#[utoipa::path(post, path = "/api/v1/posts/{id}/submissions", tag = "review", params(("id" = String, Path, description = "A post's id (the last segment of its URL)")), request_body = SubmitInput, responses((status = 201, description = "The submission, waiting for review", body = Details), (status = 409, description = "Waiting, approved or declined there already")), security(("bearer" = [])))]
pub async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<SubmitInput>,
) -> AppResult<(StatusCode, Json<Details>)> {
    let (post, author) = crate::federation::routes::load_local_post(&state, &id).await?;
    {
        let mut conn = state.conn().await?;
        auth.require_editor(&mut conn, &author).await?;
    }
    let showcase = review::resolve_showcase(&state, &input.showcase).await?;
    let sub = review::submit(&state, &auth.account, &author, &post.post, &showcase).await?;
    let mut conn = state.conn().await?;
    let lang = state.config.main_language().code().to_string();
    let mut details = review::details(&mut conn, vec![sub], &lang).await?;
    Ok((StatusCode::CREATED, Json(details.remove(0))))
}

#[utoipa::path(get, path = "/api/v1/posts/{id}/submissions", tag = "review", params(("id" = String, Path, description = "A post's id (the last segment of its URL)"), LangQuery), responses((status = 200, description = "The post's submissions with their history (its editors)", body = Vec<Details>)), security(("bearer" = [])))]
pub async fn post_submissions(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
) -> AppResult<Json<Vec<Details>>> {
    let (post, author) = crate::federation::routes::load_local_post(&state, &id).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &author).await?;
    let subs = db::of_post(&mut conn, post.post.id).await?;
    Ok(Json(
        review::details(&mut conn, subs, &lang_of(&state, &q)).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/organisations/{handle}/submissions", tag = "review", params(("handle" = String, Path, description = "An organisation's handle on this instance"), LangQuery), responses((status = 200, description = "The organisation's submissions, latest change first (its editors)", body = Vec<Details>)), security(("bearer" = [])))]
pub async fn organisation_submissions(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
) -> AppResult<Json<Vec<Details>>> {
    let org = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &org).await?;
    let subs = db::of_submitter(&mut conn, org.id).await?;
    Ok(Json(
        review::details(&mut conn, subs, &lang_of(&state, &q)).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/review", tag = "review", params(LangQuery), responses((status = 200, description = "The review queue of the showcases the caller reviews, oldest first", body = Vec<Details>)), security(("bearer" = [])))]
pub async fn queue(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(q): ApiQuery<LangQuery>,
) -> AppResult<Json<Vec<Details>>> {
    let wanted = match q.state.as_deref() {
        None => SubmissionState::Pending,
        Some(s) => SubmissionState::parse(s).ok_or_else(|| {
            AppError::invalid(
                "state",
                "`pending`, `changes_requested`, `approved` or `declined`",
            )
        })?,
    };
    let mut conn = state.conn().await?;
    if !review::reviews_anything(&mut conn, &auth.account).await? {
        return Err(AppError::forbidden(
            "only the network's reviewers see the review queue",
        ));
    }
    let subs = review::queue_for(&mut conn, &auth.account, wanted).await?;
    Ok(Json(
        review::details(&mut conn, subs, &lang_of(&state, &q)).await?,
    ))
}

/// A reviewer's decision: `approve`, `request_changes` (with a `comment`) or `decline` (with
/// the reason in `comment`).
#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    pub action: String,
    #[serde(default)]
    pub comment: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/review/{id}", tag = "review", params(("id" = i64, Path, description = "A submission's number")), request_body = DecisionInput, responses((status = 200, description = "The submission as decided", body = Details), (status = 409, description = "Not waiting for review")), security(("bearer" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> AppResult<Json<Details>> {
    let decision = Decision::parse(&input.action, input.comment.as_deref())?;
    let sub = review::decide(&state, &auth.account, id, &decision).await?;
    let mut conn = state.conn().await?;
    let lang = state.config.main_language().code().to_string();
    let mut details = review::details(&mut conn, vec![sub], &lang).await?;
    Ok(Json(details.remove(0)))
}
