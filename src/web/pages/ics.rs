//! The iCalendar feeds (written by `events::ical`), in the visitor's language (`?lang=`, the
//! language cookie, Accept-Language):
//!
//! - `/events.ics`: this network's own events;
//! - `/tags/{tag}/events.ics`: this network's events on a theme (or an SDG), the tag being a
//!   theme's hashtag in any language, as for the theme's RSS and Atom feeds;
//! - `/o/{handle}/events.ics`: an organisation's events, its own and those it co-organises;
//! - `/posts/{id}/event.ics`: one event ("add to calendar").
//!
//! Feeds keep the recent past (events ended less than [`PAST_DAYS`] days ago) besides what is
//! running and to come, so a calendar app still shows last week's meeting.

use super::PageLang;
use crate::db::models::actor::DbActor;
use crate::db::models::event::{DbEvent, EventFilter, EventFull};
use crate::error::{AppError, AppResult};
use crate::events::ical::{Calendar, Organiser};
use crate::state::AppState;
use crate::web::LangQuery;
use crate::web::i18n::strings;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use std::collections::HashMap;

/// How far back a feed reaches, in days after an event's end.
pub const PAST_DAYS: i64 = 90;

/// Most events in one feed.
const FEED_LIMIT: i64 = 500;

/// The organisers of the events, by actor row id.
async fn organisers(state: &AppState, events: &[EventFull]) -> AppResult<HashMap<i64, Organiser>> {
    let mut conn = state.conn().await?;
    let actors = DbActor::by_ids(&mut conn, events.iter().map(|f| f.post.post.actor_id)).await?;
    let out: HashMap<i64, Organiser> = actors
        .into_iter()
        .map(|(id, a)| {
            let organiser = Organiser {
                name: a.name,
                ap_id: a.ap_id.to_string(),
            };
            (id, organiser)
        })
        .collect();
    Ok(out)
}

/// Drops events that ended before the feed's reach.
fn recent(events: Vec<EventFull>) -> Vec<EventFull> {
    let since = Utc::now() - chrono::Duration::days(PAST_DAYS);
    events
        .into_iter()
        .filter(|f| f.event.effective_end() >= since)
        .collect()
}

async fn answer(
    state: &AppState,
    name: String,
    lang: &str,
    events: &[EventFull],
    filename: Option<&str>,
) -> AppResult<Response> {
    answer_with(state, name, lang, events, filename, "").await
}

/// A calendar with `extra` entries (VEVENTs already written) after its events.
async fn answer_with(
    state: &AppState,
    name: String,
    lang: &str,
    events: &[EventFull],
    filename: Option<&str>,
    extra: &str,
) -> AppResult<Response> {
    let organisers = organisers(state, events).await?;
    let mut body = Calendar {
        name,
        lang,
        events,
        organisers: &organisers,
    }
    .render();
    if !extra.is_empty()
        && let Some(end) = body.rfind("END:VCALENDAR")
    {
        body.insert_str(end, extra);
    }
    let mut resp = (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::VARY, "Accept-Language, Cookie"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response();
    if let Some(f) = filename
        && let Ok(v) = format!("attachment; filename=\"{f}\"").parse()
    {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}

fn instance_name(state: &AppState, pl: PageLang) -> String {
    state
        .config
        .instance
        .name
        .get(&pl.lang)
        .or_else(|| state.config.instance.name.values().next())
        .cloned()
        .unwrap_or_default()
}

/// `GET /events.ics`: the network's own events.
pub async fn network(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let filter = EventFilter {
        local_only: true,
        ..EventFilter::default()
    };
    let events = {
        let mut conn = state.conn().await?;
        recent(DbEvent::of_feed(&mut conn, &filter, FEED_LIMIT).await?)
    };
    let name = format!(
        "{} – {}",
        instance_name(&state, pl),
        strings(pl.lang).ev_all_events
    );
    // The deadlines of the funding directory's calls are the network's dates too.
    let deadlines = super::funding_ics::network_entries(&state, pl.lang).await?;
    answer_with(&state, name, pl.lang.code(), &events, None, &deadlines).await
}

/// `GET /tags/{tag}/events.ics`: the network's events on a theme or an SDG.
pub async fn theme(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let (title, theme, sdg) = super::tag::tag_title(&tag, pl.lang)?;
    let filter = EventFilter {
        local_only: true,
        theme: theme.map(str::to_string),
        ..EventFilter::default()
    };
    let events = {
        let mut conn = state.conn().await?;
        recent(DbEvent::of_feed(&mut conn, &filter, FEED_LIMIT).await?)
    };
    let events: Vec<EventFull> = events
        .into_iter()
        .filter(|f| sdg.is_none_or(|n| f.post.post.sdgs.contains(&n)))
        .collect();
    let name = format!(
        "{} – {} {title}",
        instance_name(&state, pl),
        strings(pl.lang).ev_feed_on
    );
    answer(&state, name, pl.lang.code(), &events, None).await
}

/// `GET /o/{handle}/events.ics`: an organisation's events and those it co-organises.
pub async fn organisation(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let actor = crate::federation::routes::local_org(&state, &handle).await?;
    let filter = EventFilter {
        actor_id: Some(actor.id),
        actor_ap_id: Some(actor.ap_id.to_string()),
        ..EventFilter::default()
    };
    let events = {
        let mut conn = state.conn().await?;
        recent(DbEvent::of_feed(&mut conn, &filter, FEED_LIMIT).await?)
    };
    let name = format!("{} {}", strings(pl.lang).ev_feed_of, actor.name);
    answer(&state, name, pl.lang.code(), &events, None).await
}

/// `GET /posts/{id}/event.ics`: one event, to add to a calendar (past ones too).
pub async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let (post, _) = crate::federation::routes::load_local_post(&state, &id).await?;
    let full = {
        let mut conn = state.conn().await?;
        EventFull::load(&mut conn, post).await?
    }
    .ok_or_else(|| AppError::not_found(format!("post `{id}` is not an event")))?;
    let name = full
        .post
        .in_language(pl.lang.code())
        .or_else(|| full.post.main())
        .map(|t| t.title.clone())
        .unwrap_or_default();
    let filename = format!("event-{}.ics", id.chars().take(36).collect::<String>());
    answer(
        &state,
        name,
        pl.lang.code(),
        std::slice::from_ref(&full),
        Some(&filename),
    )
    .await
}
