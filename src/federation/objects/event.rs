//! Event rows ⇄ the terms of an `Event` document: ours written as Mobilizon, Gancio and
//! Mastodon read them; received ones (other passerelle instances, Mobilizon, Gancio) read
//! into an `events` row beside their post.

use crate::db::models::event::{DbEvent, EventKind, EventStatus, JoinMode};
use crate::federation::protocol::article::{ArticleJson, Attachment, LinkJson};
use crate::federation::protocol::event::{Address, EventPlace, EventTerms, PostalAddress};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use url::Url;

/// The event part of a post's document, with the participants we count.
#[derive(Debug, Clone)]
pub struct EventPart {
    pub event: DbEvent,
    pub accepted: i64,
}

impl EventPart {
    /// The event part of a post, when it is an `Event` with one.
    pub async fn load(
        conn: &mut diesel_async::AsyncPgConnection,
        post: &crate::db::models::post::DbPost,
    ) -> diesel::QueryResult<Option<EventPart>> {
        if post.object_type != "Event" {
            return Ok(None);
        }
        let Some(event) = DbEvent::by_post(conn, post.id).await? else {
            return Ok(None);
        };
        let accepted =
            crate::db::models::event::DbParticipation::accepted_count(conn, post.id).await?;
        Ok(Some(EventPart { event, accepted }))
    }

    /// How many take part: ours counted; a received event's own figure when larger.
    pub fn participants(&self, local: bool) -> i64 {
        self.event.participant_count(local, self.accepted)
    }
}

/// The instant in the event's time zone, as `startTime`/`endTime` carry it (with offset).
fn local_time(t: DateTime<Utc>, tz: Tz) -> DateTime<chrono::FixedOffset> {
    t.with_timezone(&tz).fixed_offset()
}

/// Date, time and place in one line, in a language's numeric forms: what Mastodon shows of
/// an Event is its name and summary, so the summary must say when and where.
pub fn when_and_where(event: &DbEvent, lang: &str) -> String {
    let tz = event.tz();
    let start = event.starts_at.with_timezone(&tz);
    let end = event.ends_at.with_timezone(&tz);
    let same_day = start.date_naive() == end.date_naive();
    let (date_fmt, time_fmt) = match lang {
        "de" => ("%d.%m.%Y", "%H:%M"),
        "fr" => ("%d/%m/%Y", "%H h %M"),
        "it" => ("%d/%m/%Y", "%H:%M"),
        "pl" => ("%d.%m.%Y", "%H:%M"),
        _ => ("%Y-%m-%d", "%H:%M"),
    };
    let mut line = if same_day {
        format!(
            "{} {}–{}",
            start.format(date_fmt),
            start.format(time_fmt),
            end.format(time_fmt)
        )
    } else {
        format!(
            "{} {} – {} {}",
            start.format(date_fmt),
            start.format(time_fmt),
            end.format(date_fmt),
            end.format(time_fmt)
        )
    };
    line.push_str(&format!(" ({})", event.timezone));
    let place: Vec<&str> = [
        event.place_name.as_deref(),
        event.street_address.as_deref(),
        event.locality.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();
    if !place.is_empty() {
        line.push_str(" · ");
        line.push_str(&place.join(", "));
    }
    if event.online_url.is_some() {
        let online = lang
            .parse::<crate::vocab::Lang>()
            .ok()
            .and_then(|l| crate::locale::text(l, "ev-online"))
            .unwrap_or("online");
        line.push_str(" · ");
        line.push_str(online);
    }
    line
}

/// What a cancelled or postponed event's summary starts with, in its language.
fn status_word(status: EventStatus, lang: &str) -> Option<&'static str> {
    Some(match (status, lang) {
        (EventStatus::Cancelled, "de") => "ABGESAGT",
        (EventStatus::Cancelled, "fr") => "ANNULÉ",
        (EventStatus::Cancelled, "it") => "ANNULLATO",
        (EventStatus::Cancelled, "pl") => "ODWOŁANE",
        (EventStatus::Cancelled, _) => "CANCELLED",
        (EventStatus::Postponed, "de") => "VERSCHOBEN",
        (EventStatus::Postponed, "fr") => "REPORTÉ",
        (EventStatus::Postponed, "it") => "RINVIATO",
        (EventStatus::Postponed, "pl") => "PRZEŁOŻONE",
        (EventStatus::Postponed, _) => "POSTPONED",
        _ => return None,
    })
}

/// The summary an Event is sent with: status, date, time and place, then the editor's
/// summary.
pub fn event_summary(event: &DbEvent, lang: &str, summary: &str) -> String {
    let mut out = String::new();
    if let Some(word) = status_word(event.status, lang) {
        out.push_str(word);
        out.push_str(" · ");
    }
    out.push_str(&when_and_where(event, lang));
    if !summary.trim().is_empty() {
        out.push_str("\n\n");
        out.push_str(summary);
    }
    out
}

/// Turns a post's document into its Event: the type, the summaries with date and place,
/// the event terms, and the online address as an attachment `Link`.
pub fn make_event(doc: &mut ArticleJson, part: &EventPart, local: bool, main_language: &str) {
    let e = &part.event;
    let tz = e.tz();
    doc.kind = "Event".into();
    doc.location = None;
    doc.start_time = None;
    doc.end_time = None;
    if let Some(s) = doc.summary.as_mut() {
        *s = event_summary(e, main_language, s);
    }
    if let Some(map) = doc.summary_map.as_mut() {
        for (lang, v) in map.iter_mut() {
            if let Some(s) = v.as_str() {
                *v = serde_json::Value::String(event_summary(e, lang, s));
            }
        }
    }
    if let Some(online) = e.online_url.as_deref().and_then(|u| Url::parse(u).ok()) {
        doc.attachment.push(Attachment::Link(LinkJson {
            kind: "Link".into(),
            href: online,
            name: Some("Online".into()),
            media_type: Some("text/html".into()),
        }));
    }
    let has_address = e.street_address.is_some()
        || e.postal_code.is_some()
        || e.locality.is_some()
        || e.region.is_some()
        || e.country.is_some();
    let location = if e.has_place() {
        Some(EventPlace {
            kind: "Place".into(),
            name: e.place_name.clone().or_else(|| e.locality.clone()),
            address: has_address.then(|| {
                Address::Postal(PostalAddress {
                    kind: "PostalAddress".into(),
                    street_address: e.street_address.clone(),
                    postal_code: e.postal_code.clone(),
                    address_locality: e.locality.clone(),
                    address_region: e.region.clone(),
                    address_country: e.country.clone(),
                })
            }),
            latitude: e.latitude,
            longitude: e.longitude,
            url: None,
        })
    } else {
        e.online_url
            .as_deref()
            .and_then(|u| Url::parse(u).ok())
            .map(|u| EventPlace {
                kind: "VirtualLocation".into(),
                url: Some(u),
                ..Default::default()
            })
    };
    let participants = part.participants(local);
    doc.event = Some(EventTerms {
        start_time: local_time(e.starts_at, tz),
        end_time: Some(local_time(e.ends_at, tz)),
        timezone: Some(e.timezone.clone()),
        location,
        in_language: Some(main_language.to_string()),
        join_mode: Some(e.join_mode.mobilizon().into()),
        maximum_attendee_capacity: e.capacity.map(i64::from),
        remaining_attendee_capacity: e.capacity.map(|c| (i64::from(c) - participants).max(0)),
        participant_count: Some(participants),
        is_online: Some(e.online_url.is_some()),
        category: Some(e.kind.mobilizon_category().into()),
        ical_status: Some(e.status.ical().into()),
        replies_moderation_option: Some("allow_all".into()),
        comments_enabled: Some(true),
        anonymous_participation_enabled: Some(false),
        external_participation_url: (e.join_mode == JoinMode::External)
            .then(|| e.external_url.as_deref().and_then(|u| Url::parse(u).ok()))
            .flatten(),
        event_kind: Some(e.kind.code().into()),
        event_status: Some(e.status.code().into()),
        registration_deadline: e.registration_deadline,
        event_languages: e.languages.clone(),
        contacts: e
            .organisers
            .iter()
            .filter_map(|u| Url::parse(u).ok())
            .collect(),
        partnership: e.partnership.as_deref().and_then(|u| Url::parse(u).ok()),
        related_posts: e
            .related_posts
            .iter()
            .filter_map(|u| Url::parse(u).ok())
            .collect(),
    });
}

/// Trims a received text to a column's sense: no empty strings, bounded length.
fn text(s: &Option<String>, max: usize) -> Option<String> {
    s.as_deref()
        .map(|s| s.trim().chars().take(max).collect::<String>())
        .filter(|s| !s.is_empty())
}

/// The zone of an event that named none (Gancio sends none): the fixed zone of its start's
/// offset, so that it shows at the local time it was given (`+02:00` is `Etc/GMT-2`, the
/// sign reversed as IANA writes it); UTC for an offset of minutes.
fn zone_of_offset(offset: &chrono::FixedOffset) -> String {
    let seconds = offset.local_minus_utc();
    match seconds / 3600 {
        _ if seconds % 3600 != 0 => "UTC".to_string(),
        0 => "UTC".to_string(),
        hours if hours > 0 => format!("Etc/GMT-{hours}"),
        hours => format!("Etc/GMT+{}", -hours),
    }
}

/// A received Event's terms as our row. The end defaults to the start (see
/// `DbEvent::is_past`); an end before the start is the start; a missing or unknown time zone
/// is the fixed zone of the start's offset; coordinates out of range are dropped.
pub fn remote_event(post_id: i64, terms: &EventTerms, attachment: &[Attachment]) -> DbEvent {
    let starts_at = terms.start_time.with_timezone(&Utc);
    let ends_at = terms
        .end_time
        .map(|t| t.with_timezone(&Utc))
        .filter(|e| *e >= starts_at)
        .unwrap_or(starts_at);
    let timezone = terms
        .timezone
        .as_deref()
        .filter(|t| t.parse::<Tz>().is_ok())
        .map_or_else(|| zone_of_offset(terms.start_time.offset()), str::to_string);
    let place = terms.location.as_ref();
    let is_virtual = place.is_some_and(|p| p.kind == "VirtualLocation");
    let postal = place.and_then(|p| match &p.address {
        Some(Address::Postal(a)) => Some(a.clone()),
        _ => None,
    });
    let address_text = place.and_then(|p| match &p.address {
        Some(Address::Text(t)) => Some(t.clone()),
        _ => None,
    });
    let online_url = place
        .filter(|_| is_virtual)
        .and_then(|p| p.url.clone())
        .or_else(|| {
            attachment.iter().find_map(|a| match a {
                Attachment::Link(l) if matches!(l.href.scheme(), "http" | "https") => {
                    Some(l.href.clone())
                }
                _ => None,
            })
        })
        .filter(|_| is_virtual || terms.is_online.unwrap_or(false))
        .map(|u| u.to_string());
    let coordinate = |v: Option<f64>, bound: f64| v.filter(|v| v.abs() <= bound);
    let kind = terms
        .event_kind
        .as_deref()
        .and_then(EventKind::parse)
        .or_else(|| {
            terms
                .category
                .as_deref()
                .map(EventKind::from_mobilizon_category)
        })
        .unwrap_or(EventKind::Other);
    let status = terms
        .event_status
        .as_deref()
        .and_then(EventStatus::parse)
        .or_else(|| terms.ical_status.as_deref().map(EventStatus::from_ical))
        .unwrap_or(EventStatus::Scheduled);
    let join_mode = if terms.external_participation_url.is_some() {
        JoinMode::External
    } else {
        terms
            .join_mode
            .as_deref()
            .map(JoinMode::from_mobilizon)
            .unwrap_or(JoinMode::Free)
    };
    let (latitude, longitude) = match place.filter(|_| !is_virtual) {
        Some(p) => match (coordinate(p.latitude, 90.0), coordinate(p.longitude, 180.0)) {
            (Some(la), Some(lo)) => (Some(la), Some(lo)),
            _ => (None, None),
        },
        None => (None, None),
    };
    let clamp = |n: Option<i64>| n.and_then(|n| i32::try_from(n.max(0)).ok());
    DbEvent {
        post_id,
        starts_at,
        ends_at,
        timezone,
        kind,
        status,
        join_mode,
        external_url: terms
            .external_participation_url
            .as_ref()
            .map(|u| u.to_string()),
        capacity: clamp(terms.maximum_attendee_capacity),
        registration_deadline: terms.registration_deadline.filter(|d| *d <= starts_at),
        languages: terms
            .event_languages
            .iter()
            .map(|l| l.chars().take(16).collect())
            .take(20)
            .collect(),
        place_name: place
            .filter(|_| !is_virtual)
            .and_then(|p| text(&p.name, 300)),
        street_address: postal
            .as_ref()
            .and_then(|a| text(&a.street_address, 300))
            .or_else(|| text(&address_text, 300)),
        postal_code: postal.as_ref().and_then(|a| text(&a.postal_code, 40)),
        locality: postal.as_ref().and_then(|a| text(&a.address_locality, 200)),
        region: postal.as_ref().and_then(|a| text(&a.address_region, 200)),
        country: postal.as_ref().and_then(|a| text(&a.address_country, 100)),
        latitude,
        longitude,
        online_url,
        organisers: terms.contacts.iter().take(50).map(Url::to_string).collect(),
        partnership: terms.partnership.as_ref().map(Url::to_string),
        related_posts: terms
            .related_posts
            .iter()
            .take(50)
            .map(Url::to_string)
            .collect(),
        sequence: 0,
        remote_participant_count: clamp(terms.participant_count),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An event that gave no end (Gancio may send none) is not over the moment it starts:
    /// it is taken to run three hours; one with an end is over at its end.
    #[test]
    fn an_event_without_an_end_runs_for_a_while() {
        let terms = |end: Option<&str>| -> EventTerms {
            let mut doc = serde_json::json!({"startTime": "2027-06-12T19:00:00+02:00"});
            if let Some(end) = end {
                doc["endTime"] = end.into();
            }
            serde_json::from_value(doc).unwrap()
        };
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let open = remote_event(1, &terms(None), &[]);
        assert_eq!(open.ends_at, open.starts_at);
        assert!(!open.is_past(at("2027-06-12T17:30:00Z")));
        assert!(!open.is_past(at("2027-06-12T19:59:00Z")));
        assert!(open.is_past(at("2027-06-12T20:01:00Z")));
        let closed = remote_event(1, &terms(Some("2027-06-12T19:30:00+02:00")), &[]);
        assert!(closed.is_past(at("2027-06-12T17:31:00Z")));
    }

    /// The summary Mastodon shows says "online" in the summary's language.
    #[test]
    fn the_summary_line_says_online_in_its_language() {
        let terms: EventTerms = serde_json::from_value(serde_json::json!({
            "startTime": "2027-06-12T19:00:00+02:00", "timezone": "Europe/Paris"}))
        .unwrap();
        let mut event = remote_event(1, &terms, &[]);
        event.online_url = Some("https://meet.example/x".into());
        assert!(when_and_where(&event, "fr").ends_with(" · en ligne"));
        assert!(when_and_where(&event, "de").ends_with(" · online"));
    }

    /// Without a `timezone`, the event keeps the local time it was given.
    #[test]
    fn an_event_without_a_zone_keeps_its_offset() {
        let zone = |start: &str| {
            let terms: EventTerms =
                serde_json::from_value(serde_json::json!({"startTime": start})).unwrap();
            let row = remote_event(1, &terms, &[]);
            assert!(row.timezone.parse::<Tz>().is_ok(), "{}", row.timezone);
            let tz: Tz = row.timezone.parse().unwrap();
            (
                row.timezone,
                row.starts_at.with_timezone(&tz).format("%H:%M").to_string(),
            )
        };
        assert_eq!(
            zone("2027-06-12T20:00:00+02:00"),
            ("Etc/GMT-2".to_string(), "20:00".to_string())
        );
        assert_eq!(
            zone("2027-06-12T20:00:00-05:00"),
            ("Etc/GMT+5".to_string(), "20:00".to_string())
        );
        assert_eq!(zone("2027-06-12T20:00:00Z").0, "UTC");
        assert_eq!(zone("2027-06-12T20:00:00+05:30").0, "UTC");
    }
}
