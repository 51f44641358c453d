//! Partnerships: an organisation's list, proposals and answers, changes by either side, the
//! registry with its filters, and statistics (local or merged across the federation).

use super::auth::Auth;
use super::federation::resolve_actor;
use super::json::{ApiJson, ApiQuery};
use super::organisations::find;
use crate::db::models::actor::DbActor;
use crate::db::models::partnership::{DbPartnership, PartnershipFull, RegistryFilter};
use crate::error::{AppError, AppResult};
use crate::partnerships::import::ImportReport;
use crate::partnerships::stats::{self, Record};
use crate::partnerships::{self as domain, Change, PartnershipView, Proposal};
use crate::state::{AppState, FedData};
use crate::vocab::{PartnershipKind, PartnershipStatus};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use diesel_async::AsyncConnection;
use serde::{Deserialize, Serialize};

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/partnerships",
    tag = "partnerships",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    responses((status = 200, description = "The organisation's partnerships, confirmed or not", body = Vec<PartnershipView>))
)]
pub async fn of_organisation(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> AppResult<Json<Vec<PartnershipView>>> {
    let org = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    let rows = DbPartnership::of_actor(&mut conn, org.id).await?;
    Ok(Json(rows.iter().map(PartnershipView::from).collect()))
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/partnerships",
    tag = "partnerships",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    request_body = Proposal,
    responses((status = 201, description = "The partnership proposed (its editors)", body = PartnershipView)),
    security(("bearer" = []))
)]
pub async fn propose(
    State(state): State<AppState>,
    data: FedData,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(body): ApiJson<Proposal>,
) -> AppResult<(StatusCode, Json<PartnershipView>)> {
    let org = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &org).await?;
    drop(conn);
    let partner = resolve_actor(&data, &body.partner, "partner").await?;
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async |conn| {
            domain::propose(conn, &state, &org, &partner, &body).await
        })
        .await?;
    state.wakeup.wake();
    Ok((StatusCode::CREATED, Json(PartnershipView::from(&p))))
}

async fn load(state: &AppState, id: i64) -> AppResult<PartnershipFull> {
    let mut conn = state.conn().await?;
    let row = DbPartnership::by_id(&mut conn, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no partnership {id}")))?;
    DbPartnership::with_actors(&mut conn, vec![row])
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found(format!("no partnership {id}")))
}

#[utoipa::path(
    get,
    path = "/api/v1/partnerships/{id}",
    tag = "partnerships",
    params(("id" = i64, Path, description = "The partnership's id")),
    responses((status = 200, description = "The partnership", body = PartnershipView))
)]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Json<PartnershipView>> {
    Ok(Json(PartnershipView::from(&load(&state, id).await?)))
}

#[utoipa::path(
    post,
    path = "/api/v1/partnerships/{id}/{verb}",
    tag = "partnerships",
    params(("id" = i64, Path, description = "The partnership's id"), ("verb" = String, Path, description = "`accept` or `reject`")),
    responses((status = 200, description = "The partnership as answered (editors of the addressed side)", body = PartnershipView)),
    security(("bearer" = []))
)]
pub async fn answer(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, verb)): Path<(i64, String)>,
) -> AppResult<Json<PartnershipView>> {
    let accept = match verb.as_str() {
        "accept" => true,
        "reject" => false,
        _ => return Err(AppError::not_found("answer with /accept or /reject")),
    };
    let p = load(&state, id).await?;
    if !p.object.local {
        return Err(AppError::forbidden(
            "only the addressed side may accept or decline, and it is not on this instance",
        ));
    }
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &p.object)
        .await
        .map_err(|_| {
            AppError::forbidden(
                "only an editor of the addressed organisation may accept or decline",
            )
        })?;
    let p = conn
        .transaction::<_, AppError, _>(async |conn| {
            domain::answer(conn, &state, &p, p.object.id, accept).await
        })
        .await?;
    state.wakeup.wake();
    Ok(Json(PartnershipView::from(&p)))
}

#[utoipa::path(
    patch,
    path = "/api/v1/partnerships/{id}",
    tag = "partnerships",
    params(("id" = i64, Path, description = "The partnership's id")),
    request_body = Change,
    responses((status = 200, description = "The partnership as changed (editors of either side)", body = PartnershipView)),
    security(("bearer" = []))
)]
pub async fn change(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<Change>,
) -> AppResult<Json<PartnershipView>> {
    let p = load(&state, id).await?;
    let mut conn = state.conn().await?;
    // The acting side: a local side the caller edits for.
    let mut acting: Option<DbActor> = None;
    for side in [&p.subject, &p.object] {
        if side.local && auth.require_editor(&mut conn, side).await.is_ok() {
            acting = Some(side.clone());
            break;
        }
    }
    let acting = acting.ok_or_else(|| {
        AppError::forbidden("only an editor of one of the two organisations may change it")
    })?;
    let p = conn
        .transaction::<_, AppError, _>(async |conn| {
            domain::change(conn, &state, &p, &acting, &body).await
        })
        .await?;
    state.wakeup.wake();
    Ok(Json(PartnershipView::from(&p)))
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RegistryQuery {
    /// A local handle or an actor URL.
    organisation: Option<String>,
    /// Two country codes: `DE,FR`.
    countries: Option<String>,
    /// Two regions (or a region and a country code): NUTS codes (`DE2,ITC1`, matching every
    /// organisation whose NUTS code starts with them), region names (`Bayern,IT`).
    regions: Option<String>,
    kind: Option<String>,
    status: Option<String>,
    from_year: Option<i32>,
    to_year: Option<i32>,
    theme: Option<String>,
    #[serde(default)]
    confirmed: bool,
    limit: Option<i64>,
    offset: Option<i64>,
}

fn pair(field: &str, v: &Option<String>) -> AppResult<Option<(String, String)>> {
    match v {
        None => Ok(None),
        Some(s) => match s.split_once(',') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Ok(Some((a.trim().to_string(), b.trim().to_string())))
            }
            _ => Err(AppError::invalid(
                field,
                "two values separated by a comma, e.g. DE,FR",
            )),
        },
    }
}

/// A page of the registry.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RegistryPage {
    /// Partnerships matching the filters, over all pages.
    pub total: i64,
    pub items: Vec<PartnershipView>,
    /// The `offset` of the next page; absent on the last one.
    pub next_offset: Option<i64>,
}

/// Statistics, with the networks whose records went into them.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatisticsView {
    pub networks: Vec<stats::NetworkAnswer>,
    pub statistics: stats::Stats,
}

/// What a refused import answers (422): the report naming every bad row, or, for a file
/// without a usable header row, the error envelope. For the API description only.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum ImportRefused {
    Report(ImportReport),
    Error(crate::error::ErrorEnvelope),
}

/// The deepest a registry page may start.
const MAX_OFFSET: i64 = 10_000_000;

#[utoipa::path(
    get,
    path = "/api/v1/partnerships",
    tag = "partnerships",
    params(RegistryQuery),
    responses((status = 200, description = "A page of the registry", body = RegistryPage))
)]
pub async fn registry(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<RegistryQuery>,
) -> AppResult<Json<RegistryPage>> {
    let limit = q.limit.unwrap_or(50);
    if !(1..=500).contains(&limit) {
        return Err(AppError::invalid("limit", "from 1 to 500"));
    }
    let offset = q.offset.unwrap_or(0);
    if !(0..=MAX_OFFSET).contains(&offset) {
        return Err(AppError::invalid(
            "offset",
            format!("from 0 to {MAX_OFFSET}"),
        ));
    }
    let kind = q
        .kind
        .as_deref()
        .map(str::parse::<PartnershipKind>)
        .transpose()
        .map_err(|e| AppError::invalid("kind", e))?;
    let status = match q.status.as_deref().map(str::parse::<PartnershipStatus>) {
        Some(Ok(s)) if PartnershipStatus::SHOWN.contains(&s) => Some(s),
        None => None,
        Some(_) => {
            return Err(AppError::invalid(
                "status",
                "proposed, active, dormant or ended",
            ));
        }
    };
    let mut conn = state.conn().await?;
    let organisation_id = match &q.organisation {
        None => None,
        Some(o) => {
            let found = if o.starts_with("http") {
                DbActor::by_ap_id(&mut conn, o).await?
            } else {
                DbActor::local_by_handle(
                    &mut conn,
                    o.trim_start_matches('@').split('@').next().unwrap_or(o),
                )
                .await?
            };
            Some(
                found
                    .ok_or_else(|| AppError::not_found(format!("no organisation `{o}`")))?
                    .id,
            )
        }
    };
    let filter = RegistryFilter {
        organisation_id,
        countries: pair("countries", &q.countries)?
            .map(|(a, b)| (a.to_uppercase(), b.to_uppercase())),
        regions: pair("regions", &q.regions)?,
        kind,
        status,
        from_year: q.from_year,
        to_year: q.to_year,
        theme: q.theme.clone(),
        confirmed_only: q.confirmed,
    };
    let (rows, total) = DbPartnership::registry(&mut conn, &filter, limit, offset).await?;
    Ok(Json(RegistryPage {
        total,
        items: rows.iter().map(PartnershipView::from).collect(),
        next_offset: offset.checked_add(limit).filter(|next| *next < total),
    }))
}

/// This instance's partnership records, for peers merging federation statistics.
#[utoipa::path(
    get,
    path = "/api/v1/partnerships/records",
    tag = "partnerships",
    responses((status = 200, description = "This instance's partnership records, for peers' federation statistics", body = Vec<Record>))
)]
pub async fn records(State(state): State<AppState>) -> AppResult<Json<Vec<Record>>> {
    let mut conn = state.conn().await?;
    let rows = DbPartnership::all(&mut conn).await?;
    Ok(Json(rows.iter().map(stats::record).collect()))
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// `local` (default) or `federation`.
    scope: Option<String>,
    /// `json` (default) or `csv`.
    format: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/partnerships/stats",
    tag = "partnerships",
    params(StatsQuery),
    responses((status = 200, description = "Statistics per region, country pair, kind and decade", content((StatisticsView = "application/json"), (String = "text/csv"))))
)]
pub async fn statistics(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<StatsQuery>,
) -> AppResult<Response> {
    let federation = match q.scope.as_deref().unwrap_or("local") {
        "local" => false,
        "federation" => true,
        _ => return Err(AppError::invalid("scope", "local or federation")),
    };
    let (all, networks) = stats::gather(&state, federation).await?;
    let s = stats::compute(&stats::merge(all));
    match q.format.as_deref().unwrap_or("json") {
        "json" => Ok(Json(StatisticsView {
            networks,
            statistics: s,
        })
        .into_response()),
        "csv" => Ok((
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            stats::to_csv(&s),
        )
            .into_response()),
        _ => Err(AppError::invalid("format", "json or csv")),
    }
}

/// Open data: `organisations.csv|json`, `partnerships.csv|json|geojson` (GeoJSON has
/// organisations as points and partnerships as lines).
#[utoipa::path(
    get,
    path = "/api/v1/open-data/{file}",
    tag = "partnerships",
    params(("file" = String, Path, description = "`organisations.csv`, `organisations.json`, `partnerships.csv`, `partnerships.json` or `partnerships.geojson`")),
    responses((status = 200, description = "The file", content((String = "text/csv"), (Object = "application/json"), (Object = "application/geo+json"))))
)]
pub async fn open_data(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> AppResult<Response> {
    let mut conn = state.conn().await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    let rows = DbPartnership::all(&mut conn).await?;
    let (content_type, body) = crate::partnerships::export::file(&file, &orgs, &rows).ok_or_else(|| {
        AppError::not_found(format!(
            "no open-data file `{file}`; try partnerships.csv, .json, .geojson or organisations.csv, .json"
        ))
    })?;
    Ok(([(header::CONTENT_TYPE, content_type)], body).into_response())
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    #[serde(default)]
    skip_invalid: bool,
}

/// The media types a partnership list is accepted as.
const CSV_TYPES: [&str; 4] = [
    "text/csv",
    "application/csv",
    "text/plain",
    "text/tab-separated-values",
];

/// Imports a partnership list (CSV body, sent as `text/csv`): all or nothing, unless
/// `skip_invalid`. A body of another type (JSON, a form) is a 415.
#[utoipa::path(
    post,
    path = "/api/v1/admin/partnerships/import",
    tag = "admin",
    params(ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "A partnership list in UTF-8 or, as German and French Excel save CSV, Windows-1252; comma or semicolon separated (columns: name_a, country_a, code_a, region_a, name_b, country_b, code_b, region_b, kind, founded_year; optional EU-wide codes lau_a, nuts_a, lau_b, nuts_b)"),
    responses((status = 200, description = "Imported", body = ImportReport), (status = 415, description = "The body is not CSV", body = crate::error::ErrorEnvelope), (status = 422, description = "Invalid rows stopped the import, or the file has no usable header row", body = ImportRefused)),
    security(("bearer" = []))
)]
pub async fn import(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(q): ApiQuery<ImportQuery>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, Json<ImportReport>)> {
    auth.require_admin()?;
    let media_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase());
    if !media_type.is_some_and(|m| CSV_TYPES.contains(&m.as_str())) {
        return Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the list as CSV with `Content-Type: text/csv`",
        ));
    }
    let mut conn = state.conn().await?;
    let opts = crate::partnerships::import::ImportOptions {
        skip_invalid: q.skip_invalid,
    };
    // UTF-8, or Windows-1252 as German and French Excel save CSV.
    let text = crate::partnerships::import::decode_text(&body);
    let report =
        crate::partnerships::import::import_csv(&mut conn, &state.urls, &text, &opts).await?;
    let status = if report.imported {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Json(report)))
}
