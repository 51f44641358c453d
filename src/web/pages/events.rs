//! Events in pages: their times, kinds and statuses in the visitor's language, the event card
//! (home, profiles, calendar), and `/events`, the network's calendar by month with its
//! filters (kind, theme, region, online, language) and links to the iCalendar feeds.

use super::{FeedLink, Layout, PageLang, Section, render};
use crate::db::models::actor::DbActor;
use crate::db::models::event::{DbEvent, EventFilter, EventFull, EventKind, EventStatus};
use crate::error::AppResult;
use crate::events::ical::page_url;
use crate::state::AppState;
use crate::vocab::{Lang, THEMES};
use crate::web::LangQuery;
use crate::web::i18n::{Strings, format_date};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Most events the calendar page lists.
const CALENDAR_LIMIT: i64 = 200;

pub fn kind_label(kind: EventKind, t: &Strings) -> &'static str {
    match kind {
        EventKind::Training => t.ev_kind_training,
        EventKind::PartnershipMeeting => t.ev_kind_partnership_meeting,
        EventKind::Exchange => t.ev_kind_exchange,
        EventKind::CitizensTrip => t.ev_kind_citizens_trip,
        EventKind::Festival => t.ev_kind_festival,
        EventKind::Conference => t.ev_kind_conference,
        EventKind::OnlineMeeting => t.ev_kind_online_meeting,
        EventKind::Other => t.ev_kind_other,
    }
}

pub fn status_label(status: EventStatus, t: &Strings) -> &'static str {
    match status {
        EventStatus::Scheduled => t.ev_status_scheduled,
        EventStatus::Tentative => t.ev_status_tentative,
        EventStatus::Cancelled => t.ev_status_cancelled,
        EventStatus::Postponed => t.ev_status_postponed,
    }
}

/// A clock time as the language writes it (`ev-time-format`): `14:00`, `14 h 00`.
pub fn format_time<Tz: chrono::TimeZone>(t: &DateTime<Tz>, lang: Lang) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let format = crate::locale::text(lang, "ev-time-format").unwrap_or("%H:%M");
    let mut out = String::new();
    // A format the language's file got wrong is written the plain way, not a panic.
    if std::fmt::Write::write_fmt(&mut out, format_args!("{}", t.format(format))).is_err() {
        return t.format("%H:%M").to_string();
    }
    out
}

/// When an event takes place, in its own time zone: "12. Juni 2026, 14:00 Uhr – 16:00 Uhr",
/// or across days "12 June 2026, 14:00 – 14 June 2026, 12:00".
pub fn when_text(event: &DbEvent, lang: Lang) -> String {
    let tz = event.tz();
    let start = event.starts_at.with_timezone(&tz);
    let end = event.ends_at.with_timezone(&tz);
    let start_day = format_date(start.date_naive(), lang);
    if end <= start {
        format!("{start_day}, {}", format_time(&start, lang))
    } else if start.date_naive() == end.date_naive() {
        format!(
            "{start_day}, {} – {}",
            format_time(&start, lang),
            format_time(&end, lang)
        )
    } else {
        format!(
            "{start_day}, {} – {}, {}",
            format_time(&start, lang),
            format_date(end.date_naive(), lang),
            format_time(&end, lang)
        )
    }
}

/// The abbreviation of an event's zone (`BST`, `+03`) when its clock at the start is not
/// Central European time, the clock of most of the networks' readers.
fn other_zone(event: &DbEvent) -> Option<String> {
    use chrono::Offset;
    let own = event.starts_at.with_timezone(&event.tz());
    let central = event.starts_at.with_timezone(&chrono_tz::Europe::Berlin);
    (own.offset().fix() != central.offset().fix()).then(|| own.format("%Z").to_string())
}

/// A month as a heading: "Juni 2026", "juin 2026", "czerwiec 2026".
fn month_heading(year: i32, month: u32, lang: Lang) -> String {
    crate::web::i18n::strings(lang).ev_month_year(month, &year.to_string())
}

/// An event in a list.
pub struct EventCard {
    pub url: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub organiser: String,
    pub when: String,
    /// Machine-readable start (`<time datetime>`).
    pub start_iso: String,
    /// The zone's abbreviation (`BST`, `EEST`), when its clock differs from Central European
    /// time at the start: the card's times are the event's own.
    pub zone: Option<String>,
    pub place: Option<String>,
    pub kind: String,
    /// Cancelled, postponed or tentative, in words; nothing when it takes place.
    pub status: Option<String>,
    pub cancelled: bool,
    pub online: bool,
    /// The server a received event comes from.
    pub origin: Option<String>,
}

pub fn event_card(full: &EventFull, organiser: &str, lang: Lang) -> EventCard {
    let t = crate::web::i18n::strings(lang);
    let post = &full.post.post;
    let e = &full.event;
    let tr = full
        .post
        .in_language(lang.code())
        .or_else(|| full.post.main());
    EventCard {
        url: page_url(full),
        title: tr.map(|t| t.title.clone()).unwrap_or_default(),
        summary: tr.map(|t| t.summary.clone()).unwrap_or_default(),
        language: tr.map(|t| t.language.clone()).unwrap_or_default(),
        organiser: organiser.to_string(),
        when: when_text(e, lang),
        start_iso: e.starts_at.to_rfc3339(),
        zone: other_zone(e),
        place: e
            .place_name
            .clone()
            .or_else(|| e.locality.clone())
            .or_else(|| post.place.clone()),
        kind: kind_label(e.kind, t).to_string(),
        status: (e.status != EventStatus::Scheduled).then(|| status_label(e.status, t).to_string()),
        cancelled: e.status == EventStatus::Cancelled,
        online: e.online_url.is_some(),
        origin: (!post.local).then(|| post.ap_id.host_str().unwrap_or_default().to_string()),
    }
}

/// Cards for events, each with its organiser's name.
pub async fn event_cards(
    conn: &mut diesel_async::AsyncPgConnection,
    events: &[EventFull],
    lang: Lang,
) -> AppResult<Vec<EventCard>> {
    let authors = DbActor::by_ids(conn, events.iter().map(|f| f.post.post.actor_id)).await?;
    Ok(events
        .iter()
        .map(|f| {
            let name = authors
                .get(&f.post.post.actor_id)
                .map_or("", |a| a.name.as_str());
            event_card(f, name, lang)
        })
        .collect())
}

/// The calendar's filters as the form sends them (empty means any).
#[derive(Debug, Default, Deserialize)]
pub struct CalendarForm {
    pub kind: Option<String>,
    pub theme: Option<String>,
    pub region: Option<String>,
    /// `yes` (online only) or `no` (on site only).
    pub online: Option<String>,
    pub language: Option<String>,
    /// Only this instance's events.
    pub local: Option<String>,
    pub lang: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl CalendarForm {
    /// The filter (as the events API reads its `CalendarQuery`), and the fields whose value is
    /// unknown.
    fn filter(&self, t: &'static Strings) -> (EventFilter, BTreeMap<&'static str, &'static str>) {
        let mut errors = BTreeMap::new();
        let mut filter = EventFilter {
            local_only: given(&self.local).is_some(),
            region: given(&self.region).map(str::to_string),
            ..EventFilter::default()
        };
        if let Some(k) = given(&self.kind) {
            match EventKind::parse(k) {
                Some(kind) => filter.kind = Some(kind),
                None => {
                    errors.insert("kind", t.ev_bad_filter);
                }
            }
        }
        if let Some(th) = given(&self.theme) {
            match crate::vocab::theme(th) {
                Some(theme) => filter.theme = Some(theme.slug.to_string()),
                None => {
                    errors.insert("theme", t.ev_bad_filter);
                }
            }
        }
        match given(&self.online) {
            None => {}
            Some("yes") => filter.online = Some(true),
            Some("no") => filter.online = Some(false),
            Some(_) => {
                errors.insert("online", t.ev_bad_filter);
            }
        }
        if let Some(l) = given(&self.language) {
            if l.len() >= 2 && l.len() <= 3 && l.chars().all(|c| c.is_ascii_lowercase()) {
                filter.language = Some(l.to_string());
            } else {
                errors.insert("language", t.ev_bad_filter);
            }
        }
        (filter, errors)
    }
}

type Options = Vec<(String, String, bool)>;

fn options(values: &[(String, String)], current: Option<&str>, any: &str) -> Options {
    std::iter::once((String::new(), any.to_string(), current.is_none()))
        .chain(
            values
                .iter()
                .map(|(v, l)| (v.clone(), l.clone(), current == Some(v.as_str()))),
        )
        .collect()
}

/// Events under one heading: running now, or a month.
pub struct MonthGroup {
    pub id: String,
    pub heading: String,
    pub events: Vec<EventCard>,
}

#[derive(Template)]
#[template(path = "events.html")]
struct CalendarPage {
    layout: Layout,
    errors: BTreeMap<&'static str, &'static str>,
    kinds: Options,
    themes: Options,
    regions: Options,
    online: Options,
    languages: Options,
    local: bool,
    groups: Vec<MonthGroup>,
    total: usize,
    /// (title, href) of the iCalendar feeds for this view.
    feeds: Vec<(String, String)>,
    /// The funding directory's next deadlines, and their heading.
    deadlines: Vec<super::funding_ics::Deadline>,
    deadlines_title: &'static str,
}

/// `GET /events`: the network's calendar.
pub async fn calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(form): Query<CalendarForm>,
) -> AppResult<Response> {
    let query = LangQuery {
        lang: form.lang.clone(),
    };
    let pl = PageLang::of(&state, &headers, &query);
    let lang = pl.lang;
    let t = crate::web::i18n::strings(lang);
    let (filter, errors) = form.filter(t);
    let now = Utc::now();
    let mut conn = state.conn().await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    let events = if errors.is_empty() {
        DbEvent::upcoming(&mut conn, &filter, now, CALENDAR_LIMIT).await?
    } else {
        Vec::new()
    };
    let cards = event_cards(&mut conn, &events, lang).await?;
    drop(conn);
    let mut groups: Vec<MonthGroup> = Vec::new();
    for (full, card) in events.iter().zip(cards) {
        let start = full.event.starts_at.with_timezone(&full.event.tz());
        let (id, heading) = if full.event.starts_at <= now {
            ("now".to_string(), t.ev_running_now.to_string())
        } else {
            (
                format!("m-{}-{:02}", start.year(), start.month()),
                month_heading(start.year(), start.month(), lang),
            )
        };
        match groups.iter_mut().find(|g| g.id == id) {
            Some(g) => g.events.push(card),
            None => groups.push(MonthGroup {
                id,
                heading,
                events: vec![card],
            }),
        }
    }
    // Running events first (they started before the rest), then months in order.
    groups.sort_by_key(|g| g.id != "now");
    let mut regions: Vec<String> = orgs.iter().filter_map(|o| o.region.clone()).collect();
    regions.sort();
    regions.dedup();
    let pairs = |v: Vec<String>| -> Vec<(String, String)> {
        v.into_iter().map(|r| (r.clone(), r)).collect()
    };
    let theme_slug = filter.theme.clone();
    let base = state.urls.base().trim_end_matches('/');
    let mut feeds = vec![(
        t.ev_feed_network.to_string(),
        format!("{base}{}", with_lang_param("/events.ics", lang)),
    )];
    if let Some(theme) = theme_slug.as_deref().and_then(crate::vocab::theme) {
        feeds.push((
            format!("{} {}", t.ev_feed_on, theme.label(lang)),
            format!(
                "{base}{}",
                with_lang_param(&format!("/tags/{}/events.ics", theme.slug), lang)
            ),
        ));
    }
    let mut layout = Layout::new(
        &state,
        pl,
        t.ev_calendar.to_string(),
        &calendar_path(&form),
        Section::Events,
    );
    layout.feeds = feeds
        .iter()
        .map(|(title, href)| FeedLink {
            mime: "text/calendar",
            title: title.clone(),
            href: href.clone(),
        })
        .collect();
    let failed = !errors.is_empty();
    let deadlines = super::funding_ics::upcoming(&state, lang).await?;
    let page = CalendarPage {
        deadlines,
        deadlines_title: crate::locale::text(lang, "fund-deadlines").unwrap_or("?"),
        kinds: options(
            &EventKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), kind_label(*k, t).to_string()))
                .collect::<Vec<_>>(),
            filter.kind.map(EventKind::code),
            t.any,
        ),
        themes: options(
            &THEMES
                .iter()
                .map(|th| (th.slug.to_string(), th.label(lang).to_string()))
                .collect::<Vec<_>>(),
            theme_slug.as_deref(),
            t.any,
        ),
        regions: options(&pairs(regions), filter.region.as_deref(), t.any),
        online: options(
            &[
                ("yes".to_string(), t.ev_online_only.to_string()),
                ("no".to_string(), t.ev_on_site_only.to_string()),
            ],
            given(&form.online).filter(|_| filter.online.is_some()),
            t.any,
        ),
        languages: options(
            &state
                .config
                .instance
                .languages
                .iter()
                .map(|l| (l.code().to_string(), l.endonym().to_string()))
                .collect::<Vec<_>>(),
            filter.language.as_deref(),
            t.any,
        ),
        local: filter.local_only,
        total: events.len(),
        groups,
        feeds,
        errors,
        layout,
    };
    let resp = render(&state, &page, &page.layout)?;
    Ok(if failed {
        (StatusCode::BAD_REQUEST, resp).into_response()
    } else {
        resp
    })
}

/// `path` with the interface language, so a feed's texts are in the page's language.
pub fn with_lang_param(path: &str, lang: Lang) -> String {
    super::with_lang(path, lang.code())
}

/// The calendar's own address with its filters (for the language switch).
fn calendar_path(form: &CalendarForm) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("kind", &form.kind),
        ("theme", &form.theme),
        ("region", &form.region),
        ("online", &form.online),
        ("language", &form.language),
        ("local", &form.local),
    ] {
        if let Some(v) = given(v) {
            q.append_pair(k, v);
        }
    }
    let q = q.finish();
    if q.is_empty() {
        "/events".to_string()
    } else {
        format!("/events?{q}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_in_the_language() {
        assert_eq!(month_heading(2026, 6, Lang::De), "Juni 2026");
        assert_eq!(month_heading(2026, 6, Lang::Fr), "juin 2026");
        assert_eq!(month_heading(2026, 6, Lang::En), "June 2026");
        assert_eq!(month_heading(2026, 6, Lang::Pl), "czerwiec 2026");
        assert_eq!(month_heading(2026, 12, Lang::It), "dicembre 2026");
    }

    /// A card names the zone when its clock is not Central European time.
    #[test]
    fn cards_name_a_zone_other_than_central_european_time() {
        let zone = |tz: &str| {
            let terms: crate::federation::protocol::event::EventTerms =
                serde_json::from_value(serde_json::json!({
                    "startTime": "2027-06-12T14:00:00Z", "timezone": tz}))
                .unwrap();
            other_zone(&crate::federation::objects::event::remote_event(
                1,
                &terms,
                &[],
            ))
        };
        assert_eq!(zone("Europe/Paris"), None);
        assert_eq!(zone("Europe/Warsaw"), None);
        assert_eq!(zone("Europe/London").as_deref(), Some("BST"));
        assert_eq!(zone("Europe/Athens").as_deref(), Some("EEST"));
    }

    #[test]
    fn the_form_names_unknown_values() {
        let form = CalendarForm {
            kind: Some("party".into()),
            online: Some("yes".into()),
            theme: Some(String::new()),
            ..CalendarForm::default()
        };
        let (filter, errors) = form.filter(crate::web::i18n::strings(Lang::En));
        assert_eq!(errors.keys().copied().collect::<Vec<_>>(), vec!["kind"]);
        assert_eq!(filter.online, Some(true));
        assert_eq!(filter.theme, None);
    }
}
