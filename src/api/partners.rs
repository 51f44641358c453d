//! Partner search: `/api/v1/organisations/{handle}/looking` (what an organisation looks for:
//! read, set by its editors, removed), `/api/v1/organisations/{handle}/suggestions` (its
//! editors: organisations that would fit, here and at every peer, with their reasons) and
//! `/api/v1/partners/looking` (the organisations that are looking, across networks).

use super::auth::Auth;
use super::json::{ApiJson, ApiQuery};
use crate::db::models::actor::DbActor;
use crate::db::models::partner_search::DbPartnerSearch;
use crate::error::{AppError, AppResult};
use crate::partners::{self, LookingInput, LookingList, LookingQuery, Scope, Suggestions};
use crate::state::AppState;
use crate::vocab::Lang;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An organisation's partner search as the API shows it.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = PartnerSearch)]
pub struct LookingView {
    pub organisation: String,
    pub active: bool,
    pub purposes: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub languages: Vec<String>,
    pub population_min: Option<i64>,
    pub population_max: Option<i64>,
    pub partner_kinds: Vec<String>,
    pub description: String,
    pub listed: bool,
    pub suggested: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl LookingView {
    fn of(org: &DbActor, s: &DbPartnerSearch) -> LookingView {
        let i = LookingInput::of(s);
        LookingView {
            organisation: org.handle.clone(),
            active: i.active,
            purposes: i.purposes,
            countries: i.countries,
            regions: i.regions,
            themes: i.themes,
            languages: i.languages,
            population_min: i.population_min,
            population_max: i.population_max,
            partner_kinds: i.partner_kinds,
            description: i.description,
            listed: i.listed,
            suggested: i.suggested,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

async fn local_org(state: &AppState, handle: &str) -> AppResult<DbActor> {
    let mut conn = state.conn().await?;
    DbActor::local_by_handle(&mut conn, handle)
        .await?
        .filter(DbActor::is_organisation)
        .ok_or_else(|| AppError::not_found(format!("no organisation `{handle}` here")))
}

/// `GET /api/v1/organisations/{handle}/looking`.
#[utoipa::path(get, path = "/api/v1/organisations/{handle}/looking", tag = "partners", params(("handle" = String, Path, description = "An organisation's handle on this instance")), responses((status = 200, description = "What the organisation looks for", body = LookingView), (status = 404, description = "It has not said it is looking")), security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
) -> AppResult<Json<LookingView>> {
    let org = local_org(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &org).await?;
    let s = DbPartnerSearch::of_actor(&mut conn, org.id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("`{handle}` has not said it is looking")))?;
    Ok(Json(LookingView::of(&org, &s)))
}

/// `PUT /api/v1/organisations/{handle}/looking`: says (or changes) what it looks for.
#[utoipa::path(put, path = "/api/v1/organisations/{handle}/looking", tag = "partners", params(("handle" = String, Path, description = "An organisation's handle on this instance")), request_body = LookingInput, responses((status = 200, description = "The partner search as stored", body = LookingView), (status = 422, description = "A field is wrong (unknown country or theme, a negative or inverted size range); the error names it")), security(("bearer" = [])))]
pub async fn put(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<LookingInput>,
) -> AppResult<Json<LookingView>> {
    let org = local_org(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &org).await?;
    let data = input.validate()?;
    let s = DbPartnerSearch::put(&mut conn, org.id, &data).await?;
    Ok(Json(LookingView::of(&org, &s)))
}

/// `DELETE /api/v1/organisations/{handle}/looking`: no longer looking.
#[utoipa::path(delete, path = "/api/v1/organisations/{handle}/looking", tag = "partners", params(("handle" = String, Path, description = "An organisation's handle on this instance")), responses((status = 204, description = "Removed")), security(("bearer" = [])))]
pub async fn remove(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
) -> AppResult<StatusCode> {
    let org = local_org(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &org).await?;
    if DbPartnerSearch::remove(&mut conn, org.id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::not_found(format!(
            "`{handle}` has not said it is looking"
        )))
    }
}

/// How suggestions are asked for.
#[derive(utoipa::IntoParams, Debug, Default, Deserialize)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SuggestQuery {
    /// 1 to 50; 20 when not given.
    pub limit: Option<i64>,
    #[param(inline)]
    pub scope: Option<Scope>,
    /// The language of the explanations (de, fr, en, it, pl); English when not given.
    pub lang: Option<String>,
}

pub fn lang_param(lang: &Option<String>) -> Result<Lang, AppError> {
    match lang.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(Lang::En),
        Some(l) => l
            .parse()
            .map_err(|_| AppError::invalid("lang", format!("unknown language `{l}`"))),
    }
}

/// `GET /api/v1/organisations/{handle}/suggestions`: organisations that would fit, here and
/// at every peer (unless `scope=local`), best first, each with its reasons.
#[utoipa::path(get, path = "/api/v1/organisations/{handle}/suggestions", tag = "partners", params(("handle" = String, Path, description = "An organisation's handle on this instance"), SuggestQuery), responses((status = 200, description = "Suggestions, best first, with each network's outcome; `note` when the organisation has not said it is looking", body = Suggestions)), security(("bearer" = [])))]
pub async fn suggestions(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiQuery(q): ApiQuery<SuggestQuery>,
) -> AppResult<Json<Suggestions>> {
    let limit = q.limit.unwrap_or(20);
    if !(1..=partners::MAX_LIMIT as i64).contains(&limit) {
        return Err(AppError::invalid(
            "limit",
            format!("between 1 and {}", partners::MAX_LIMIT),
        ));
    }
    let lang = lang_param(&q.lang)?;
    let org = local_org(&state, &handle).await?;
    {
        let mut conn = state.conn().await?;
        auth.require_editor(&mut conn, &org).await?;
    }
    let answer = partners::suggest(
        &state,
        &org,
        q.scope.unwrap_or_default(),
        limit as usize,
        lang,
    )
    .await?;
    Ok(Json(answer))
}

/// `GET /api/v1/partners/looking`: the organisations looking for partners, here and at
/// every peer (unless `scope=local`), newest first.
#[utoipa::path(get, path = "/api/v1/partners/looking", tag = "partners", params(LookingQuery), responses((status = 200, description = "Organisations that are looking, with each network's outcome", body = LookingList), (status = 422, description = "An unknown purpose, country, theme, kind or language; the error names it")))]
pub async fn looking(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<LookingQuery>,
) -> AppResult<Json<LookingList>> {
    let filter = q.filter()?;
    Ok(Json(
        partners::looking(&state, &filter, q.scope.unwrap_or_default()).await?,
    ))
}
