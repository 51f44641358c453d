//! Funding programmes: `/api/v1/funding` (the directory, with the filters of the funding
//! page; create), `/api/v1/funding/{id}` (one; replace and delete ours), and
//! `/api/v1/funding/eligibility` (which programmes fit a planned project, and why the others
//! do not). The network's admins and the editors of its own organisation (kind `network`)
//! keep the directory; programmes received from peer networks are read-only here.

use super::auth::Auth;
use super::json::{ApiJson, ApiQuery};
use crate::db::models::funding::{DbProgramme, DurationUnit, ProgrammeFull};
use crate::error::{AppError, AppResult};
use crate::federation::activities::funding as fed;
use crate::funding::eligibility::{self, Failure, PlanInput};
use crate::funding::{Filter, ProgrammeInput, countries};
use crate::state::AppState;
use crate::vocab::{Lang, OrgKind};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = ProgrammeText)]
pub struct TextView {
    pub language: String,
    pub name: String,
    pub description: String,
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Call)]
pub struct CallView {
    pub opens_on: Option<NaiveDate>,
    /// `null`: rolling.
    pub deadline: Option<DateTime<Utc>>,
    pub label: String,
    pub open: bool,
}

/// A programme as the API shows it.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Programme)]
pub struct ProgrammeView {
    pub id: i64,
    pub ap_id: String,
    pub local: bool,
    /// The host of the network that keeps it.
    pub network: String,
    pub translations: Vec<TextView>,
    pub funder: String,
    pub link: Option<String>,
    pub applicant_kinds: Vec<String>,
    pub countries: Vec<String>,
    pub required_countries: Vec<String>,
    pub min_partners: Option<i32>,
    pub min_countries: Option<i32>,
    pub min_eu_countries: Option<i32>,
    pub min_participants: Option<i32>,
    pub min_invited: Option<i32>,
    pub grant_min: Option<i64>,
    pub grant_max: Option<i64>,
    pub lump_sums: Vec<i64>,
    pub cofunding_rate: Option<i16>,
    pub duration_min: Option<i32>,
    pub duration_max: Option<i32>,
    pub duration_unit: DurationUnit,
    pub themes: Vec<String>,
    pub calls: Vec<CallView>,
    pub published: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

impl ProgrammeView {
    pub fn of(full: ProgrammeFull, network: &str, now: DateTime<Utc>) -> ProgrammeView {
        let p = full.programme;
        ProgrammeView {
            id: p.id,
            ap_id: p.ap_id.to_string(),
            local: p.local,
            network: network.to_string(),
            translations: full
                .texts
                .into_iter()
                .map(|t| TextView {
                    language: t.language,
                    name: t.name,
                    description: t.description,
                })
                .collect(),
            funder: p.funder,
            link: p.link,
            applicant_kinds: p.applicant_kinds,
            countries: p.countries,
            required_countries: p.required_countries,
            min_partners: p.min_partners,
            min_countries: p.min_countries,
            min_eu_countries: p.min_eu_countries,
            min_participants: p.min_participants,
            min_invited: p.min_invited,
            grant_min: p.grant_min,
            grant_max: p.grant_max,
            lump_sums: p.lump_sums,
            cofunding_rate: p.cofunding_rate,
            duration_min: p.duration_min,
            duration_max: p.duration_max,
            duration_unit: p.duration_unit,
            themes: p.themes,
            calls: full
                .calls
                .into_iter()
                .map(|c| CallView {
                    open: c.is_open(now),
                    opens_on: c.opens_on,
                    deadline: c.deadline,
                    label: c.label,
                })
                .collect(),
            published: p.published,
            updated: p.updated,
        }
    }
}

async fn views(
    conn: &mut AsyncPgConnection,
    programmes: Vec<ProgrammeFull>,
) -> AppResult<Vec<ProgrammeView>> {
    let hosts = DbProgramme::network_hosts(conn, &programmes).await?;
    let now = Utc::now();
    Ok(programmes
        .into_iter()
        .map(|p| {
            let host = hosts
                .get(&p.programme.network_id)
                .cloned()
                .unwrap_or_default();
            ProgrammeView::of(p, &host, now)
        })
        .collect())
}

/// The directory's filters as a query string gives them.
#[derive(utoipa::IntoParams, Debug, Default, Deserialize)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FilterQuery {
    pub theme: Option<String>,
    pub country: Option<String>,
    pub kind: Option<String>,
    pub amount: Option<i64>,
    /// Only programmes with a call open now.
    pub open: Option<bool>,
    /// The language whose names order the list (and the reasons of an eligibility check).
    pub lang: Option<String>,
}

impl FilterQuery {
    /// The filter, or a 422 naming the parameter whose value is unknown.
    pub fn filter(&self) -> Result<Filter, AppError> {
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let theme = match given(&self.theme) {
            None => None,
            Some(t) => Some(
                crate::vocab::theme(&t)
                    .ok_or_else(|| AppError::invalid("theme", format!("unknown theme `{t}`")))?
                    .slug
                    .to_string(),
            ),
        };
        let country =
            match given(&self.country) {
                None => None,
                Some(c) => Some(countries::normalise(&c).ok_or_else(|| {
                    AppError::invalid("country", format!("unknown country `{c}`"))
                })?),
            };
        let kind = match given(&self.kind) {
            None => None,
            Some(k) => Some(
                k.parse::<OrgKind>()
                    .map_err(|e| AppError::invalid("kind", e))?,
            ),
        };
        if self.amount.is_some_and(|a| a < 0) {
            return Err(AppError::invalid("amount", "must not be negative"));
        }
        Ok(Filter {
            theme,
            country,
            kind,
            amount: self.amount,
            open_only: self.open.unwrap_or(false),
        })
    }

    fn lang(&self) -> Result<Lang, AppError> {
        match self
            .lang
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            None => Ok(Lang::En),
            Some(l) => l
                .parse()
                .map_err(|_| AppError::invalid("lang", format!("unknown language `{l}`"))),
        }
    }
}

/// Only the network's admins and the editors of its own organisation keep the directory.
async fn require_keeper(conn: &mut AsyncPgConnection, auth: &Auth) -> Result<(), AppError> {
    if crate::funding::keeps_directory(conn, &auth.account).await? {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "only the network's admins and the editors of its own organisation keep its funding programmes",
        ))
    }
}

/// `GET /api/v1/funding`: the directory, open calls first by deadline.
#[utoipa::path(get, path = "/api/v1/funding", tag = "funding", params(FilterQuery), responses((status = 200, description = "The directory: open calls first, by deadline", body = Vec<ProgrammeView>)))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<FilterQuery>,
) -> AppResult<Json<Vec<ProgrammeView>>> {
    let filter = q.filter()?;
    let lang = q.lang()?;
    let mut conn = state.conn().await?;
    let all = DbProgramme::all(&mut conn).await?;
    let found = filter.apply(all, Utc::now(), lang);
    Ok(Json(views(&mut conn, found).await?))
}

async fn load(conn: &mut AsyncPgConnection, id: i64) -> AppResult<ProgrammeFull> {
    let row = DbProgramme::by_id(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no funding programme {id}")))?;
    Ok(DbProgramme::full(conn, row).await?)
}

async fn one_view(conn: &mut AsyncPgConnection, full: ProgrammeFull) -> AppResult<ProgrammeView> {
    views(conn, vec![full])
        .await?
        .pop()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("a programme without its view")))
}

/// `GET /api/v1/funding/{id}`.
#[utoipa::path(get, path = "/api/v1/funding/{id}", tag = "funding", params(("id" = i64, Path, description = "The programme's number here")), responses((status = 200, description = "The programme with its calls", body = ProgrammeView)))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Json<ProgrammeView>> {
    let mut conn = state.conn().await?;
    let full = load(&mut conn, id).await?;
    Ok(Json(one_view(&mut conn, full).await?))
}

/// `POST /api/v1/funding`: a new programme of this network, sent to the peer networks.
#[utoipa::path(post, path = "/api/v1/funding", tag = "funding", request_body = ProgrammeInput, responses((status = 201, description = "The programme created and sent to the peer networks", body = ProgrammeView)), security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ProgrammeInput>,
) -> AppResult<(StatusCode, Json<ProgrammeView>)> {
    let mut conn = state.conn().await?;
    require_keeper(&mut conn, &auth).await?;
    let data = input.validate()?;
    let full = fed::create_local(&mut conn, &state, &data).await?;
    state.wakeup.wake();
    Ok((StatusCode::CREATED, Json(one_view(&mut conn, full).await?)))
}

/// `PUT /api/v1/funding/{id}`: replaces one of this network's programmes.
#[utoipa::path(put, path = "/api/v1/funding/{id}", tag = "funding", params(("id" = i64, Path, description = "The programme's number here")), request_body = ProgrammeInput, responses((status = 200, description = "The programme as changed", body = ProgrammeView)), security(("bearer" = [])))]
pub async fn replace(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ProgrammeInput>,
) -> AppResult<Json<ProgrammeView>> {
    let mut conn = state.conn().await?;
    require_keeper(&mut conn, &auth).await?;
    let data = input.validate()?;
    let full = fed::update_local(&mut conn, &state, id, &data).await?;
    state.wakeup.wake();
    Ok(Json(one_view(&mut conn, full).await?))
}

/// `DELETE /api/v1/funding/{id}`: removes one of this network's programmes.
#[utoipa::path(delete, path = "/api/v1/funding/{id}", tag = "funding", params(("id" = i64, Path, description = "The programme's number here")), responses((status = 204, description = "Deleted here and at the peer networks")), security(("bearer" = [])))]
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    let mut conn = state.conn().await?;
    require_keeper(&mut conn, &auth).await?;
    fed::delete_local(&mut conn, &state, id).await?;
    state.wakeup.wake();
    Ok(StatusCode::NO_CONTENT)
}

/// A rule that fails, with its reason in the asked language.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = RuleFailure)]
pub struct FailureView {
    #[serde(flatten)]
    pub failure: Failure,
    pub reason: String,
}

/// One programme's answer to a plan.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = ProgrammeFit)]
pub struct FitView {
    pub id: i64,
    pub name: String,
    pub network: String,
    pub fits: bool,
    pub failures: Vec<FailureView>,
}

/// `POST /api/v1/funding/eligibility?lang=de`: for a planned project, every programme of the
/// directory (the query's filters apply), those that fit first.
#[utoipa::path(post, path = "/api/v1/funding/eligibility", tag = "funding", params(FilterQuery), request_body = PlanInput, responses((status = 200, description = "Every programme for the plan, those that fit first, with the rules the others fail", body = Vec<FitView>)))]
pub async fn check(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<FilterQuery>,
    ApiJson(input): ApiJson<PlanInput>,
) -> AppResult<Json<Vec<FitView>>> {
    let filter = q.filter()?;
    let lang = q.lang()?;
    let plan = input.validate()?;
    let mut conn = state.conn().await?;
    let programmes = filter.apply(DbProgramme::all(&mut conn).await?, Utc::now(), lang);
    let hosts = DbProgramme::network_hosts(&mut conn, &programmes).await?;
    let mut out: Vec<FitView> = programmes
        .iter()
        .map(|p| {
            let failures = eligibility::check(&p.programme, &plan);
            FitView {
                id: p.programme.id,
                name: p
                    .text(lang.code())
                    .map(|t| t.name.clone())
                    .unwrap_or_default(),
                network: hosts
                    .get(&p.programme.network_id)
                    .cloned()
                    .unwrap_or_default(),
                fits: failures.is_empty(),
                failures: failures
                    .into_iter()
                    .map(|f| FailureView {
                        reason: f.reason(lang),
                        failure: f,
                    })
                    .collect(),
            }
        })
        .collect();
    // Stable: within fitting and not fitting, the directory's order stays.
    out.sort_by_key(|f| !f.fits);
    Ok(Json(out))
}
