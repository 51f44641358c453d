//! The event part of a post's page: when (in the event's time zone), status, place with its
//! coordinates, online address, organisers, kind, languages, places, how to join, "add to
//! calendar", and the "join from your fediverse account" box, which sends the visitor to
//! their own server's interaction page with the event's address (as the follow box does for
//! organisations), handled here by `POST /posts/{id}/join`.

use super::PageLang;
use super::events::{kind_label, status_label, when_text};
use super::follow::{HandleError, follow_page, parse_handle};
use super::organisation::FollowForm;
use crate::db::models::actor::DbActor;
use crate::db::models::event::{EventFull, EventStatus, JoinMode};
use crate::error::{AppError, AppResult};
use crate::events::ical::page_url;
use crate::state::AppState;
use crate::vocab::Lang;
use crate::web::LangQuery;
use crate::web::i18n::{format_date, format_number, strings};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use std::collections::HashMap;

/// What the post page shows of an event.
pub struct EventBox {
    pub when: String,
    pub start_iso: String,
    pub end_iso: String,
    pub timezone: String,
    pub status: String,
    /// `scheduled`, `tentative`, `cancelled`, `postponed` (for styling).
    pub status_code: &'static str,
    /// A sentence for a cancelled, postponed or tentative event.
    pub notice: Option<&'static str>,
    pub kind: String,
    pub place_name: Option<String>,
    pub address: Option<String>,
    /// (as text, `geo:` URI): a map app of the visitor's choice opens it; the page itself
    /// asks no map server for anything.
    pub coordinates: Option<(String, String)>,
    pub online_url: Option<String>,
    /// (URL, name)
    pub organisers: Vec<(String, String)>,
    pub coorganisers: Vec<(String, String)>,
    /// (code, name)
    pub languages: Vec<(String, String)>,
    pub capacity: Option<String>,
    pub participants: String,
    pub places_left: Option<String>,
    pub deadline: Option<String>,
    pub join_text: &'static str,
    pub external_url: Option<String>,
    /// Registration closed (cancelled, past, or after the deadline).
    pub closed: bool,
    pub ics_url: String,
    /// The join box's form action, for our own events that take Joins.
    pub join_action: Option<String>,
    pub form: FollowForm,
    /// A received event's page at its origin.
    pub origin: Option<String>,
}

fn link_of(state: &AppState, a: &DbActor) -> String {
    if a.local {
        state.urls.actor(&a.handle)
    } else {
        a.profile_url.clone().unwrap_or_else(|| a.ap_id.to_string())
    }
}

pub async fn event_box(
    state: &AppState,
    full: &EventFull,
    author: &DbActor,
    lang: Lang,
    form: FollowForm,
) -> AppResult<EventBox> {
    let t = strings(lang);
    let e = &full.event;
    let post = &full.post.post;
    let now = Utc::now();
    let known: HashMap<String, String> = {
        let mut conn = state.conn().await?;
        DbActor::names_by_ap_ids(&mut conn, &e.organisers)
            .await?
            .into_iter()
            .collect()
    };
    let coorganisers = e
        .organisers
        .iter()
        .filter(|o| *o != author.ap_id.as_str())
        .map(|o| {
            (
                o.clone(),
                known.get(o).cloned().unwrap_or_else(|| o.clone()),
            )
        })
        .collect();
    let town = [e.postal_code.as_deref(), e.locality.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let address: Vec<String> = [
        e.street_address.clone(),
        Some(town),
        e.region.clone(),
        e.country.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();
    let closed = e.status == EventStatus::Cancelled
        || e.is_past(now)
        || e.registration_deadline.is_some_and(|d| d < now);
    let tz = e.tz();
    let remaining = full.remaining();
    let id = post
        .ap_id
        .path_segments()
        .and_then(|mut s| s.nth(1))
        .unwrap_or("")
        .to_string();
    Ok(EventBox {
        when: when_text(e, lang),
        start_iso: e.starts_at.with_timezone(&tz).to_rfc3339(),
        end_iso: e.ends_at.with_timezone(&tz).to_rfc3339(),
        timezone: e.timezone.clone(),
        status: status_label(e.status, t).to_string(),
        status_code: e.status.code(),
        notice: match e.status {
            EventStatus::Scheduled => None,
            EventStatus::Tentative => Some(t.ev_notice_tentative),
            EventStatus::Cancelled => Some(t.ev_notice_cancelled),
            EventStatus::Postponed => Some(t.ev_notice_postponed),
        },
        kind: kind_label(e.kind, t).to_string(),
        place_name: e.place_name.clone(),
        address: (!address.is_empty()).then(|| address.join(", ")),
        coordinates: match (e.latitude, e.longitude) {
            (Some(la), Some(lo)) => Some((format!("{la:.5}, {lo:.5}"), format!("geo:{la},{lo}"))),
            _ => None,
        },
        online_url: e.online_url.clone(),
        organisers: vec![(link_of(state, author), author.name.clone())],
        coorganisers,
        languages: e
            .languages
            .iter()
            .map(|l| {
                let name = l
                    .parse::<Lang>()
                    .map(Lang::endonym)
                    .map(str::to_string)
                    .unwrap_or_else(|_| l.to_uppercase());
                (l.clone(), name)
            })
            .collect(),
        capacity: e.capacity.map(|c| format_number(i64::from(c), lang)),
        participants: format_number(full.participant_count(), lang),
        places_left: remaining.map(|r| {
            if r == 0 {
                t.ev_fully_booked.to_string()
            } else {
                format_number(r, lang)
            }
        }),
        deadline: e.registration_deadline.map(|d| {
            let local = d.with_timezone(&tz);
            format!(
                "{}, {}",
                format_date(local.date_naive(), lang),
                super::events::format_time(&local, lang)
            )
        }),
        join_text: match e.join_mode {
            JoinMode::Free => t.ev_join_free,
            JoinMode::Approval => t.ev_join_approval,
            JoinMode::External => t.ev_join_external,
        },
        external_url: e.external_url.clone(),
        closed,
        ics_url: format!("/posts/{id}/event.ics?lang={}", lang.code()),
        join_action: (post.local && !closed && e.join_mode != JoinMode::External)
            .then(|| format!("/posts/{id}/join")),
        form,
        origin: (!post.local).then(|| page_url(full)),
    })
}

#[derive(Debug, Deserialize)]
pub struct JoinInput {
    #[serde(default)]
    handle: String,
}

/// `POST /posts/{id}/join`: 303 to the visitor's server with the event's address, or the
/// event page again with the error next to the field (422).
pub async fn join(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(input): Form<JoinInput>,
) -> AppResult<Response> {
    let (post, author) = crate::federation::routes::load_local_post(&state, &id).await?;
    if post.post.object_type != "Event" {
        return Err(AppError::not_found(format!("post `{id}` is not an event")));
    }
    let pl = PageLang::of(&state, &headers, &LangQuery::default());
    let t = strings(pl.lang);
    let error = match parse_handle(&input.handle, state.config.federation.debug) {
        Ok(v) if v.host == state.config.instance.domain => t.handle_is_here,
        Ok(visitor) => {
            let target = follow_page(&state, &visitor, post.post.ap_id.as_str()).await;
            return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response());
        }
        Err(HandleError::Empty) => t.handle_empty,
        Err(HandleError::Invalid) => t.handle_invalid,
    };
    let form = FollowForm {
        value: input.handle.chars().take(300).collect(),
        error: Some(error.to_string()),
    };
    let resp =
        super::post::page(&state, post, author, &headers, &LangQuery::default(), form).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, resp).into_response())
}
