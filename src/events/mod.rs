//! Events as editors write them: the input and its checks, and publishing (create, update,
//! cancel), shared by the API and the editors' interface. An event is a post of type `Event`
//! (its language versions, themes, images and comments) plus its `events` row; both and
//! their deliveries are written in one transaction.

pub mod csv;
pub mod ical;

use crate::db::models::actor::DbActor;
use crate::db::models::event::{DbEvent, EventFull, EventKind, EventStatus, JoinMode};
use crate::db::models::post::{DbPost, PostData};
use crate::error::AppError;
use crate::federation::activities;
use crate::posts::{ImageInput, PostInput, TranslationInput};
use crate::state::AppState;
use crate::vocab::Lang;
use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use chrono_tz::Tz;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::{Deserialize, Serialize};

/// Most participants an event may announce.
pub const MAX_CAPACITY: i32 = 1_000_000;

#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// The main language; defaults to the first language version.
    pub main_language: Option<Lang>,
    /// Title, summary and description (Markdown) per language, main language first.
    pub translations: Vec<TranslationInput>,
    /// Local wall-clock time in `timezone` (`2026-06-12T14:00`), or an instant with offset.
    pub starts_at: String,
    pub ends_at: String,
    /// IANA time zone (`Europe/Berlin`).
    pub timezone: String,
    pub kind: EventKind,
    #[serde(default)]
    pub status: Option<EventStatus>,
    #[serde(default)]
    pub join_mode: Option<JoinMode>,
    /// Where to register, when `join_mode` is `external`.
    #[serde(default)]
    pub external_url: Option<String>,
    #[serde(default)]
    pub capacity: Option<i32>,
    /// Same forms as `starts_at`; not after the start.
    #[serde(default)]
    pub registration_deadline: Option<String>,
    /// Languages spoken at the event (codes such as `de`, `fr`).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub place: Option<PlaceInput>,
    /// A video meeting's address.
    #[serde(default)]
    pub online_url: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub sdgs: Vec<i16>,
    /// Co-organisers: local handles or actor URLs (the partners on both sides).
    #[serde(default)]
    pub organisers: Vec<String>,
    /// The partnership it belongs to (its URL).
    #[serde(default)]
    pub partnership: Option<String>,
    /// Project posts it belongs to (their URLs).
    #[serde(default)]
    pub related_posts: Vec<String>,
    #[serde(default)]
    pub images: Vec<ImageInput>,
}

#[derive(utoipa::ToSchema, Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceInput {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub street_address: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub locality: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// ISO 3166 code (`DE`, `FR`).
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
}

fn clean(s: &Option<String>, field: &str, max: usize) -> Result<Option<String>, AppError> {
    let Some(s) = s.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    if s.chars().count() > max {
        return Err(AppError::invalid(
            field,
            format!("at most {max} characters"),
        ));
    }
    Ok(Some(s.to_string()))
}

fn web_url(s: &Option<String>, field: &str) -> Result<Option<String>, AppError> {
    let Some(s) = s.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    url::Url::parse(s)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
        .map(|u| Some(u.to_string()))
        .ok_or_else(|| AppError::invalid(field, "an http or https address"))
}

/// A time as editors give it: wall-clock time in the event's zone, or an instant with an
/// offset. A wall-clock time skipped by a change to summer time does not exist; one that
/// occurs twice (the change back) is the first.
///
/// Besides the ISO forms a date field sends (`2026-06-12T14:00`), the forms people type
/// where a browser shows a plain text box: the day first, with dots or slashes, and the
/// time with a colon or an `h` (`12.06.2026 14:00`, `12/06/2026 à 14 h 00`, `12.06.2026,
/// 14 Uhr`).
pub fn parse_time(s: &str, tz: Tz, field: &str) -> Result<DateTime<Utc>, AppError> {
    let s = s.trim();
    // A year typed short ("12.06.26") would read as the year 26: the year has four digits,
    // from 1900 on.
    let plausible = |year: i32| {
        if (1900..=2999).contains(&year) {
            Ok(())
        } else {
            Err(AppError::invalid(
                field,
                "a date and time such as 2026-06-12T14:00, the year in four digits",
            ))
        }
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        plausible(t.year())?;
        return Ok(t.with_timezone(&Utc));
    }
    let naive = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| typed_time(s))
        .ok_or_else(|| AppError::invalid(field, "a date and time such as 2026-06-12T14:00"))?;
    plausible(naive.year())?;
    naive
        .and_local_timezone(tz)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            AppError::invalid(
                field,
                format!("{naive} does not exist in {tz} (the clocks skip it)"),
            )
        })
}

/// A date and time typed day first (see [`parse_time`]).
fn typed_time(s: &str) -> Option<NaiveDateTime> {
    let lower = s.to_lowercase().replace(',', " ");
    let mut words = lower.split_whitespace();
    let date = words.next()?;
    let date = ["%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(date, f).ok())?;
    // The rest is the time, after a word such as "à", "um", "alle", "o" or "at".
    let time: String = words
        .filter(|w| !matches!(*w, "à" | "a" | "um" | "alle" | "o" | "at" | "uhr"))
        .collect();
    let time = time.trim_end_matches("uhr").replace(['h', '.'], ":");
    let time = if time.contains(':') {
        time
    } else {
        format!("{time}:")
    };
    let time = if time.ends_with(':') {
        format!("{time}00")
    } else {
        time
    };
    let time = chrono::NaiveTime::parse_from_str(&time, "%H:%M").ok()?;
    Some(date.and_time(time))
}

impl EventInput {
    /// Checks the input and renders it into the post's data and the event row (its
    /// `post_id` is set when stored). `accepted`: participants already accepted (an edit may
    /// not lower the capacity below them).
    pub async fn validate(
        &self,
        conn: &mut AsyncPgConnection,
        base_url: &str,
        accepted: i64,
    ) -> Result<(PostData, DbEvent), AppError> {
        let tz: Tz = self.timezone.trim().parse().map_err(|_| {
            AppError::invalid(
                "timezone",
                format!(
                    "unknown time zone `{}` (an IANA name such as Europe/Berlin)",
                    self.timezone
                ),
            )
        })?;
        let starts_at = parse_time(&self.starts_at, tz, "starts_at")?;
        let ends_at = parse_time(&self.ends_at, tz, "ends_at")?;
        if ends_at < starts_at {
            return Err(AppError::invalid("ends_at", "before starts_at"));
        }
        let registration_deadline = match self
            .registration_deadline
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            Some(s) => {
                let d = parse_time(s, tz, "registration_deadline")?;
                if d > starts_at {
                    return Err(AppError::invalid(
                        "registration_deadline",
                        "after the start of the event",
                    ));
                }
                Some(d)
            }
            None => None,
        };
        if let Some(c) = self.capacity {
            if !(0..=MAX_CAPACITY).contains(&c) {
                return Err(AppError::invalid(
                    "capacity",
                    format!("from 0 to {MAX_CAPACITY}"),
                ));
            }
            if i64::from(c) < accepted {
                return Err(AppError::invalid(
                    "capacity",
                    format!("below the {accepted} participants already accepted"),
                ));
            }
        }
        let join_mode = self.join_mode.unwrap_or(JoinMode::Free);
        let external_url = web_url(&self.external_url, "external_url")?;
        if join_mode == JoinMode::External && external_url.is_none() {
            return Err(AppError::invalid(
                "external_url",
                "required when registration is on an external site",
            ));
        }
        let online_url = web_url(&self.online_url, "online_url")?;
        let place = self.place.clone().unwrap_or_default();
        let (latitude, longitude) = match (place.latitude, place.longitude) {
            (Some(la), Some(lo)) => {
                if !(-90.0..=90.0).contains(&la) || !la.is_finite() {
                    return Err(AppError::invalid("place.latitude", "from -90 to 90"));
                }
                if !(-180.0..=180.0).contains(&lo) || !lo.is_finite() {
                    return Err(AppError::invalid("place.longitude", "from -180 to 180"));
                }
                (Some(la), Some(lo))
            }
            (None, None) => (None, None),
            (Some(_), None) => {
                return Err(AppError::invalid(
                    "place.longitude",
                    "give both coordinates or neither",
                ));
            }
            (None, Some(_)) => {
                return Err(AppError::invalid(
                    "place.latitude",
                    "give both coordinates or neither",
                ));
            }
        };
        let place_name = clean(&place.name, "place.name", 300)?;
        let street_address = clean(&place.street_address, "place.street_address", 300)?;
        let postal_code = clean(&place.postal_code, "place.postal_code", 40)?;
        let locality = clean(&place.locality, "place.locality", 200)?;
        let region = clean(&place.region, "place.region", 200)?;
        let country = clean(&place.country, "place.country", 2)?.map(|c| c.to_uppercase());
        if country
            .as_deref()
            .is_some_and(|c| c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()))
        {
            return Err(AppError::invalid(
                "place.country",
                "a two-letter country code such as DE or FR",
            ));
        }
        let has_place = place_name.is_some()
            || street_address.is_some()
            || locality.is_some()
            || latitude.is_some();
        if !has_place && online_url.is_none() {
            return Err(AppError::invalid(
                "place",
                "give a place, an online address, or both",
            ));
        }
        let mut languages = Vec::new();
        for (i, l) in self.languages.iter().enumerate() {
            let l = l.trim().to_ascii_lowercase();
            if !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(AppError::invalid(
                    format!("languages[{i}]"),
                    "a language code such as de or fr",
                ));
            }
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        let partnership = web_url(&self.partnership, "partnership")?;
        if let Some(p) = &partnership
            && p.starts_with(base_url)
            && crate::db::models::partnership::DbPartnership::by_ap_id(conn, p)
                .await?
                .is_none()
        {
            return Err(AppError::invalid(
                "partnership",
                "no such partnership on this instance",
            ));
        }
        let mut related_posts = Vec::new();
        for (i, p) in self.related_posts.iter().enumerate() {
            let field = format!("related_posts[{i}]");
            let Some(u) = web_url(&Some(p.clone()), &field)? else {
                continue;
            };
            if u.starts_with(base_url) && DbPost::by_ap_id(conn, &u).await?.is_none() {
                return Err(AppError::invalid(field, "no such post on this instance"));
            }
            if !related_posts.contains(&u) {
                related_posts.push(u);
            }
        }
        // The texts, themes, SDGs, images and co-organisers are checked as a post's.
        let tz_date = |t: DateTime<Utc>| t.with_timezone(&tz).date_naive();
        let post_input = PostInput {
            main_language: self.main_language,
            translations: self.translations.clone(),
            themes: self.themes.clone(),
            sdgs: self.sdgs.clone(),
            partners: self.organisers.clone(),
            place: None,
            starts_on: None,
            ends_on: None,
            images: self.images.clone(),
            in_reply_to: None,
            funded_by: None,
        };
        let mut data = post_input.validate(conn, base_url).await.map_err(|e| {
            // Co-organisers are checked as partners: name the event's field.
            match e.field.as_deref() {
                Some(f) if f.starts_with("partners") => {
                    let field = f.replacen("partners", "organisers", 1);
                    AppError::invalid(field, e.message.clone())
                }
                _ => e,
            }
        })?;
        data.object_type = "Event".into();
        data.starts_on = Some(tz_date(starts_at));
        data.ends_on = Some(tz_date(ends_at));
        data.place = place_name.clone().or_else(|| locality.clone());
        let event = DbEvent {
            post_id: 0,
            starts_at,
            ends_at,
            timezone: tz.name().to_string(),
            kind: self.kind,
            status: self.status.unwrap_or(EventStatus::Scheduled),
            join_mode,
            external_url,
            capacity: self.capacity,
            registration_deadline,
            languages,
            place_name,
            street_address,
            postal_code,
            locality,
            region,
            country,
            latitude,
            longitude,
            online_url,
            organisers: data.partners.clone(),
            partnership,
            related_posts,
            sequence: 0,
            remote_participant_count: None,
        };
        Ok((data, event))
    }

    /// The input that writes an event as it is: for editing it, and for duplicating it.
    pub fn of(full: &EventFull) -> EventInput {
        let e = &full.event;
        let tz = e.tz();
        let local = |t: DateTime<Utc>| t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();
        EventInput {
            main_language: full.post.post.main_language.parse().ok(),
            translations: full
                .post
                .translations
                .iter()
                .filter_map(|t| {
                    Some(TranslationInput {
                        language: t.language.parse().ok()?,
                        title: t.title.clone(),
                        summary: t.summary.clone(),
                        body: t.body_markdown.clone().unwrap_or_default(),
                    })
                })
                .collect(),
            starts_at: local(e.starts_at),
            ends_at: local(e.ends_at),
            timezone: e.timezone.clone(),
            kind: e.kind,
            status: Some(e.status),
            join_mode: Some(e.join_mode),
            external_url: e.external_url.clone(),
            capacity: e.capacity,
            registration_deadline: e.registration_deadline.map(local),
            languages: e.languages.clone(),
            place: Some(PlaceInput {
                name: e.place_name.clone(),
                street_address: e.street_address.clone(),
                postal_code: e.postal_code.clone(),
                locality: e.locality.clone(),
                region: e.region.clone(),
                country: e.country.clone(),
                latitude: e.latitude,
                longitude: e.longitude,
            }),
            online_url: e.online_url.clone(),
            themes: full.post.post.themes.clone(),
            sdgs: full.post.post.sdgs.clone(),
            organisers: e.organisers.clone(),
            partnership: e.partnership.clone(),
            related_posts: e.related_posts.clone(),
            images: full
                .post
                .images
                .iter()
                .map(|i| ImageInput {
                    url: i.url.clone(),
                    alt: i.alt_text.clone(),
                    media_type: i.media_type.clone(),
                })
                .collect(),
        }
    }
}

/// Publishes a new event of a local organisation: the post, its event row and the `Create`
/// to the followers in one transaction.
pub async fn publish_new(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    data: &PostData,
    event: &DbEvent,
) -> Result<EventFull, AppError> {
    let ap_id = state.urls.post(&uuid::Uuid::new_v4());
    let full = conn
        .transaction::<_, AppError, _>(async |conn| {
            let post = DbPost::create(conn, &ap_id, author.id, true, data).await?;
            let mut row = event.clone();
            row.post_id = post.post.id;
            DbEvent::save(conn, &row).await?;
            activities::post::publish(conn, state, author, &post, false).await?;
            loaded(conn, post).await
        })
        .await?;
    state.wakeup.wake();
    tracing::info!(event.id = %full.post.post.ap_id, actor.id = %author.ap_id, "event created");
    Ok(full)
}

/// Replaces an event's content (its sequence rises) and sends the `Update` to the followers
/// and participants, in one transaction. The capacity is checked against the participants
/// accepted at that moment, under the event's lock.
pub async fn publish_update(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    post_id: i64,
    input: &EventInput,
) -> Result<EventFull, AppError> {
    let base = state.urls.base().to_string();
    let full = conn
        .transaction::<_, AppError, _>(async |conn| {
            DbEvent::lock(conn, post_id)
                .await?
                .ok_or_else(|| AppError::not_found("no such event"))?;
            let accepted =
                crate::db::models::event::DbParticipation::accepted_count(conn, post_id).await?;
            let (data, mut event) = input.validate(conn, &base, accepted).await?;
            let post = DbPost::replace(conn, post_id, &data).await?;
            event.post_id = post_id;
            DbEvent::save(conn, &event).await?;
            activities::post::publish(conn, state, author, &post, true).await?;
            // More places (or none limited any longer): the waiting list moves up.
            activities::event::promote_waiting(conn, state, &post.post).await?;
            loaded(conn, post).await
        })
        .await?;
    state.wakeup.wake();
    Ok(full)
}

/// Sets an event's status (cancel, postpone, reschedule) and sends the `Update`.
pub async fn set_status(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    post_id: i64,
    status: EventStatus,
) -> Result<EventFull, AppError> {
    let full = conn
        .transaction::<_, AppError, _>(async |conn| {
            DbEvent::lock(conn, post_id)
                .await?
                .ok_or_else(|| AppError::not_found("no such event"))?;
            DbEvent::set_status(conn, post_id, status).await?;
            let post = DbPost::by_id(conn, post_id)
                .await?
                .ok_or_else(|| AppError::not_found("no such event"))?;
            let post = DbPost::touch(conn, post.id).await?;
            let post = DbPost::full(conn, post).await?;
            activities::post::publish(conn, state, author, &post, true).await?;
            loaded(conn, post).await
        })
        .await?;
    state.wakeup.wake();
    Ok(full)
}

/// A local event of an organisation by its post id (404 otherwise, 410 when deleted).
pub async fn local_event(
    conn: &mut AsyncPgConnection,
    author: &DbActor,
    post_id: i64,
) -> Result<EventFull, AppError> {
    let post = DbPost::by_id(conn, post_id)
        .await?
        .filter(|p| p.actor_id == author.id && p.object_type == "Event")
        .ok_or_else(|| AppError::not_found(format!("no event {post_id} of this organisation")))?;
    if post.deleted_at.is_some() {
        return Err(AppError::new(
            axum::http::StatusCode::GONE,
            "gone",
            "this event was deleted",
        ));
    }
    let post = DbPost::full(conn, post).await?;
    EventFull::load(conn, post)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no event {post_id}")))
}

/// The event just written, with its post.
async fn loaded(
    conn: &mut AsyncPgConnection,
    post: crate::db::models::post::PostFull,
) -> Result<EventFull, AppError> {
    EventFull::load(conn, post)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("event row not written")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_type_them() {
        let tz: Tz = "Europe/Paris".parse().unwrap();
        let summer = |s: &str| parse_time(s, tz, "starts_at").map(|t| t.to_rfc3339()).ok();
        let two_pm = Some("2026-06-12T12:00:00+00:00".to_string());
        for typed in [
            "2026-06-12T14:00",
            "2026-06-12 14:00",
            "12.06.2026 14:00",
            "12.06.2026, 14:00 Uhr",
            "12.06.2026 um 14 Uhr",
            "12/06/2026 14:00",
            "12/06/2026 à 14 h 00",
            "12/06/2026 à 14h",
            "12/06/2026 alle 14.00",
            " 12.06.2026 14:00 ",
        ] {
            assert_eq!(summer(typed), two_pm, "{typed}");
        }
        for wrong in [
            "",
            "12.06.2026",
            "14:00",
            "31.02.2026 14:00",
            "12/06/2026 25h",
            "bald",
            // A year typed short is not the year 26.
            "12.06.26 14:00",
            "12/06/26 14:00",
            "0026-06-12T14:00:00+02:00",
        ] {
            assert!(summer(wrong).is_none(), "{wrong}");
        }
    }
}
