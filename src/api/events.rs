//! Events: `/api/v1/organisations/{handle}/events` (publish, edit, cancel; participants,
//! approve, reject, CSV), `/api/v1/events` (the network's calendar), and
//! `/api/v1/organisations/{handle}/participations` (our organisations joining and leaving
//! events anywhere).

use super::auth::Auth;
use super::json::{ApiJson, ApiQuery};
use super::organisations::find;
use super::views::{TranslationView, post_public_id};
use crate::db::models::actor::DbActor;
use crate::db::models::event::{
    DbParticipation, EventFilter, EventFull, EventKind, EventStatus, ParticipationState,
};
use crate::db::models::post::DbPost;
use crate::error::{AppError, AppResult};
use crate::events::EventInput;
use crate::federation::activities::event as participation;
use crate::state::{AppState, FedData};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use serde::{Deserialize, Serialize};

/// An event as the API shows it.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Event)]
pub struct EventView {
    /// The id used in API paths (for our events).
    pub id: String,
    pub ap_id: String,
    pub organisation: String,
    pub local: bool,
    pub main_language: String,
    pub translations: Vec<TranslationView>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: String,
    pub kind: EventKind,
    pub status: EventStatus,
    pub join_mode: crate::db::models::event::JoinMode,
    pub external_url: Option<String>,
    pub capacity: Option<i32>,
    pub remaining: Option<i64>,
    pub participant_count: i64,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub languages: Vec<String>,
    pub place: PlaceView,
    pub online_url: Option<String>,
    pub themes: Vec<String>,
    pub sdgs: Vec<i16>,
    pub organisers: Vec<String>,
    pub partnership: Option<String>,
    pub related_posts: Vec<String>,
    pub sequence: i32,
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Place)]
pub struct PlaceView {
    pub name: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl EventView {
    pub fn new(f: &EventFull, organisation: &str) -> EventView {
        let e = &f.event;
        EventView {
            id: post_public_id(&f.post.post.ap_id),
            ap_id: f.post.post.ap_id.to_string(),
            organisation: organisation.to_string(),
            local: f.post.post.local,
            main_language: f.post.post.main_language.clone(),
            translations: f
                .post
                .translations
                .iter()
                .map(TranslationView::of)
                .collect(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            timezone: e.timezone.clone(),
            kind: e.kind,
            status: e.status,
            join_mode: e.join_mode,
            external_url: e.external_url.clone(),
            capacity: e.capacity,
            remaining: f.remaining(),
            participant_count: f.participant_count(),
            registration_deadline: e.registration_deadline,
            languages: e.languages.clone(),
            place: PlaceView {
                name: e.place_name.clone(),
                street_address: e.street_address.clone(),
                postal_code: e.postal_code.clone(),
                locality: e.locality.clone(),
                region: e.region.clone(),
                country: e.country.clone(),
                latitude: e.latitude,
                longitude: e.longitude,
            },
            online_url: e.online_url.clone(),
            themes: f.post.post.themes.clone(),
            sdgs: f.post.post.sdgs.clone(),
            organisers: e.organisers.clone(),
            partnership: e.partnership.clone(),
            related_posts: e.related_posts.clone(),
            sequence: e.sequence,
        }
    }
}

/// The views of events, each with its organiser's handle (or `name@host`); each organiser
/// is looked up once.
async fn views(state: &AppState, events: &[EventFull]) -> AppResult<Vec<EventView>> {
    let mut conn = state.conn().await?;
    let mut names: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(events.len());
    for f in events {
        let id = f.post.post.actor_id;
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id) {
            let author = DbActor::by_id(&mut conn, id).await?;
            let name = if author.local {
                author.handle
            } else {
                format!("{}@{}", author.handle, author.domain)
            };
            slot.insert(name);
        }
        out.push(EventView::new(f, &names[&id]));
    }
    Ok(out)
}

async fn our_event(state: &AppState, actor: &DbActor, id: &str) -> AppResult<EventFull> {
    let uuid =
        uuid::Uuid::parse_str(id).map_err(|_| AppError::not_found(format!("no event `{id}`")))?;
    let mut conn = state.conn().await?;
    let post = DbPost::by_ap_id(&mut conn, &state.urls.post(&uuid))
        .await?
        .ok_or_else(|| AppError::not_found(format!("no event `{id}`")))?;
    crate::events::local_event(&mut conn, actor, post.id).await
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/events",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    request_body = EventInput,
    responses((status = 201, description = "The event published (its editors)", body = EventView)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<EventInput>,
) -> AppResult<(StatusCode, Json<EventView>)> {
    let actor = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &actor).await?;
    let (data, event) = input.validate(&mut conn, state.urls.base(), 0).await?;
    let full = crate::events::publish_new(&mut conn, &state, &actor, &data, &event).await?;
    Ok((
        StatusCode::CREATED,
        Json(EventView::new(&full, &actor.handle)),
    ))
}

#[utoipa::path(
    put,
    path = "/api/v1/organisations/{handle}/events/{id}",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), ("id" = String, Path, description = "The event's id (the last segment of its URL)")),
    request_body = EventInput,
    responses((status = 200, description = "The event as changed", body = EventView)),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((handle, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<EventInput>,
) -> AppResult<Json<EventView>> {
    let actor = find(&state, &handle).await?;
    auth.require_editor(&mut *state.conn().await?, &actor)
        .await?;
    let existing = our_event(&state, &actor, &id).await?;
    let mut conn = state.conn().await?;
    let full =
        crate::events::publish_update(&mut conn, &state, &actor, existing.post.post.id, &input)
            .await?;
    Ok(Json(EventView::new(&full, &actor.handle)))
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusInput {
    pub status: EventStatus,
}

/// Cancels, postpones or reschedules an event.
#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/events/{id}/status",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), ("id" = String, Path, description = "The event's id (the last segment of its URL)")),
    request_body = StatusInput,
    responses((status = 200, description = "The event with its new status", body = EventView)),
    security(("bearer" = []))
)]
pub async fn set_status(
    State(state): State<AppState>,
    auth: Auth,
    Path((handle, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<StatusInput>,
) -> AppResult<Json<EventView>> {
    let actor = find(&state, &handle).await?;
    auth.require_editor(&mut *state.conn().await?, &actor)
        .await?;
    let existing = our_event(&state, &actor, &id).await?;
    let mut conn = state.conn().await?;
    let full = crate::events::set_status(
        &mut conn,
        &state,
        &actor,
        existing.post.post.id,
        input.status,
    )
    .await?;
    Ok(Json(EventView::new(&full, &actor.handle)))
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/events/{id}",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), ("id" = String, Path, description = "The event's id (the last segment of its URL)")),
    responses((status = 200, description = "The event", body = EventView))
)]
pub async fn show(
    State(state): State<AppState>,
    Path((handle, id)): Path<(String, String)>,
) -> AppResult<Json<EventView>> {
    let actor = find(&state, &handle).await?;
    let full = our_event(&state, &actor, &id).await?;
    Ok(Json(EventView::new(&full, &actor.handle)))
}

#[derive(utoipa::IntoParams, Debug, Default, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    #[param(inline)]
    pub kind: Option<EventKind>,
    pub theme: Option<String>,
    pub online: Option<bool>,
    pub language: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    /// Only this instance's events (default: every event known here).
    #[serde(default)]
    pub local: bool,
    pub limit: Option<i64>,
}

impl CalendarQuery {
    pub fn filter(&self) -> EventFilter {
        EventFilter {
            kind: self.kind,
            theme: self.theme.clone().filter(|t| !t.is_empty()),
            online: self.online,
            language: self.language.clone().filter(|t| !t.is_empty()),
            region: self.region.clone().filter(|t| !t.is_empty()),
            country: self
                .country
                .clone()
                .filter(|t| !t.is_empty())
                .map(|c| c.to_uppercase()),
            local_only: self.local,
            ..Default::default()
        }
    }

    fn limit(&self) -> AppResult<i64> {
        let limit = self.limit.unwrap_or(50);
        if !(1..=500).contains(&limit) {
            return Err(AppError::invalid("limit", "from 1 to 500"));
        }
        Ok(limit)
    }
}

/// Events running or to come, by start: the network's calendar.
#[utoipa::path(
    get,
    path = "/api/v1/events",
    tag = "events",
    params(CalendarQuery),
    responses((status = 200, description = "Events running or to come, by start", body = Vec<EventView>))
)]
pub async fn calendar(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<CalendarQuery>,
) -> AppResult<Json<Vec<EventView>>> {
    let limit = q.limit()?;
    let events = {
        let mut conn = state.conn().await?;
        crate::db::models::event::DbEvent::upcoming(&mut conn, &q.filter(), Utc::now(), limit)
            .await?
    };
    Ok(Json(views(&state, &events).await?))
}

/// An organisation's events running or to come (its own and those it co-organises).
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/events",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), CalendarQuery),
    responses((status = 200, description = "The organisation's events running or to come", body = Vec<EventView>))
)]
pub async fn list(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    ApiQuery(q): ApiQuery<CalendarQuery>,
) -> AppResult<Json<Vec<EventView>>> {
    let actor = find(&state, &handle).await?;
    let limit = q.limit()?;
    let mut filter = q.filter();
    filter.actor_id = Some(actor.id);
    filter.actor_ap_id = Some(actor.ap_id.to_string());
    let events = {
        let mut conn = state.conn().await?;
        crate::db::models::event::DbEvent::upcoming(&mut conn, &filter, Utc::now(), limit).await?
    };
    Ok(Json(views(&state, &events).await?))
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Participant)]
pub struct ParticipantView {
    pub id: i64,
    /// The participant's actor id.
    pub actor: String,
    /// `name@host`.
    pub address: String,
    pub name: Option<String>,
    pub state: ParticipationState,
    pub message: Option<String>,
    pub since: DateTime<Utc>,
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ParticipantsQuery {
    pub format: Option<String>,
}

/// Who asked to take part, in order of arrival (editors); `?format=csv` for a spreadsheet.
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/events/{id}/participants",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), ("id" = String, Path, description = "The event's id (the last segment of its URL)"), ParticipantsQuery),
    responses((status = 200, description = "Who asked to take part, in order of arrival (its editors)", content((Vec<ParticipantView> = "application/json"), (String = "text/csv")))),
    security(("bearer" = []))
)]
pub async fn participants(
    State(state): State<AppState>,
    auth: Auth,
    Path((handle, id)): Path<(String, String)>,
    ApiQuery(q): ApiQuery<ParticipantsQuery>,
) -> AppResult<Response> {
    let actor = find(&state, &handle).await?;
    auth.require_editor(&mut *state.conn().await?, &actor)
        .await?;
    let event = our_event(&state, &actor, &id).await?;
    let rows = DbParticipation::of_event(&mut *state.conn().await?, event.post.post.id).await?;
    let list: Vec<ParticipantView> = rows
        .iter()
        .map(|(p, a)| ParticipantView {
            id: p.id,
            actor: a.ap_id.to_string(),
            address: format!("{}@{}", a.handle, a.domain),
            name: Some(a.name.clone()).filter(|n| !n.is_empty()),
            state: p.state,
            message: p.message.clone(),
            since: p.created_at,
        })
        .collect();
    match q.format.as_deref() {
        None | Some("json") => Ok(Json(list).into_response()),
        Some("csv") => Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"participants.csv\"",
                ),
            ],
            crate::events::csv::participants(&rows),
        )
            .into_response()),
        Some(other) => Err(AppError::invalid(
            "format",
            format!("`{other}` is neither json nor csv"),
        )),
    }
}

/// A participation after an editor's decision.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ParticipationDecided {
    pub id: i64,
    pub state: ParticipationState,
}

/// A participation asked for, as the organiser will see it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ParticipationAsked {
    /// The event's URL.
    pub event: String,
    pub state: ParticipationState,
}

/// One of our organisation's participations.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ParticipationView {
    /// The event's URL.
    pub event: String,
    pub state: ParticipationState,
    pub since: DateTime<Utc>,
}

/// Approves or rejects a participation (`verb`: approve, reject).
#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/events/{id}/participants/{pid}/{verb}",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), ("id" = String, Path, description = "The event's id (the last segment of its URL)"), ("pid" = i64, Path, description = "The participation's id"), ("verb" = String, Path, description = "`approve` or `reject`")),
    responses((status = 200, description = "The participation with its new state", body = ParticipationDecided)),
    security(("bearer" = []))
)]
pub async fn decide(
    State(state): State<AppState>,
    auth: Auth,
    Path((handle, id, pid, verb)): Path<(String, String, i64, String)>,
) -> AppResult<Json<ParticipationDecided>> {
    let actor = find(&state, &handle).await?;
    auth.require_editor(&mut *state.conn().await?, &actor)
        .await?;
    let approve = match verb.as_str() {
        "approve" => true,
        "reject" => false,
        other => return Err(AppError::not_found(format!("no action `{other}`"))),
    };
    let event = our_event(&state, &actor, &id).await?;
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async |conn| {
            participation::decide(conn, &state, &event.post.post, pid, approve).await
        })
        .await?;
    state.wakeup.wake();
    Ok(Json(ParticipationDecided {
        id: p.id,
        state: p.state,
    }))
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinInput {
    /// The event's URL (on any instance, Mobilizon's too).
    pub event: String,
    #[serde(default)]
    pub message: Option<String>,
}

/// One of our organisations asks to take part in an event.
#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/participations",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    request_body = JoinInput,
    responses((status = 202, description = "Asked; the organiser answers later", body = ParticipationAsked)),
    security(("bearer" = []))
)]
pub async fn join(
    State(state): State<AppState>,
    data: FedData,
    auth: Auth,
    Path(handle): Path<String>,
    ApiJson(input): ApiJson<JoinInput>,
) -> AppResult<(StatusCode, Json<ParticipationAsked>)> {
    let actor = find(&state, &handle).await?;
    auth.require_editor(&mut *state.conn().await?, &actor)
        .await?;
    let post = crate::federation::resolve::post(&data, &input.event)
        .await
        .map_err(|e| e.into_app_error("event"))?;
    if post.object_type != "Event" {
        return Err(AppError::invalid("event", "that is not an event"));
    }
    let message = input
        .message
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty());
    if message.is_some_and(|m| m.chars().count() > 2000) {
        return Err(AppError::invalid("message", "at most 2000 characters"));
    }
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async |conn| {
            participation::join(conn, &state, &actor, &post, message).await
        })
        .await?;
    state.wakeup.wake();
    Ok((
        StatusCode::ACCEPTED,
        Json(ParticipationAsked {
            event: post.ap_id.to_string(),
            state: p.state,
        }),
    ))
}

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct LeaveQuery {
    pub event: String,
}

/// One of our organisations leaves an event.
#[utoipa::path(
    delete,
    path = "/api/v1/organisations/{handle}/participations",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), LeaveQuery),
    responses((status = 204, description = "Left")),
    security(("bearer" = []))
)]
pub async fn leave(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiQuery(q): ApiQuery<LeaveQuery>,
) -> AppResult<StatusCode> {
    let actor = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &actor).await?;
    let post = DbPost::by_ap_id(&mut conn, &q.event)
        .await?
        .ok_or_else(|| AppError::invalid("event", "no such event known here"))?;
    conn.transaction::<_, AppError, _>(async |conn| {
        participation::leave(conn, &state, &actor, &post).await
    })
    .await?;
    state.wakeup.wake();
    Ok(StatusCode::NO_CONTENT)
}

/// Our organisation's participations, with their state.
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{handle}/participations",
    tag = "events",
    params(("handle" = String, Path, description = "An organisation's handle on this instance")),
    responses((status = 200, description = "The organisation's participations", body = Vec<ParticipationView>)),
    security(("bearer" = []))
)]
pub async fn participations(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
) -> AppResult<Json<Vec<ParticipationView>>> {
    let actor = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &actor).await?;
    let rows = DbParticipation::of_actor(&mut conn, actor.id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|(p, post)| ParticipationView {
                event: post.ap_id.to_string(),
                state: p.state,
                since: p.created_at,
            })
            .collect(),
    ))
}
