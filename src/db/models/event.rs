//! Events: the `events` row beside an `Event` post (instants, place, how to join, status),
//! and who takes part (`event_participations`). An event's language versions, images and
//! comments are its post's.

use crate::db::models::actor::DbActor;
use crate::db::models::post::{DbPost, PostFull, load_many};
use crate::db::schema::{actors, event_participations, events, posts};
use crate::vocab::text_column;
use chrono::{DateTime, Utc};
use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What kind of meeting an event is.
#[derive(
    utoipa::ToSchema,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    AsExpression,
    FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Training,
    PartnershipMeeting,
    Exchange,
    CitizensTrip,
    Festival,
    Conference,
    OnlineMeeting,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Training,
        EventKind::PartnershipMeeting,
        EventKind::Exchange,
        EventKind::CitizensTrip,
        EventKind::Festival,
        EventKind::Conference,
        EventKind::OnlineMeeting,
        EventKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Training => "training",
            EventKind::PartnershipMeeting => "partnership_meeting",
            EventKind::Exchange => "exchange",
            EventKind::CitizensTrip => "citizens_trip",
            EventKind::Festival => "festival",
            EventKind::Conference => "conference",
            EventKind::OnlineMeeting => "online_meeting",
            EventKind::Other => "other",
        }
    }

    /// The code, if it is one.
    pub fn parse(code: &str) -> Option<EventKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Mobilizon's built-in category closest to the kind.
    pub fn mobilizon_category(self) -> &'static str {
        match self {
            EventKind::Training => "LEARNING",
            EventKind::PartnershipMeeting => "MEETING",
            EventKind::Exchange => "LANGUAGE_CULTURE",
            EventKind::CitizensTrip => "COMMUNITY",
            EventKind::Festival => "PARTY",
            EventKind::Conference => "NETWORKING",
            EventKind::OnlineMeeting => "MEETING",
            EventKind::Other => "MEETING",
        }
    }

    /// The kind a Mobilizon category stands for (our own `eventKind` wins when given).
    pub fn from_mobilizon_category(category: &str) -> EventKind {
        match category {
            "LEARNING" | "FAMILY_EDUCATION" | "SCIENCE_TECH" => EventKind::Training,
            "LANGUAGE_CULTURE" => EventKind::Exchange,
            "PARTY" | "MUSIC" | "PERFORMING_VISUAL_ARTS" | "THEATRE" | "FOOD_DRINK" => {
                EventKind::Festival
            }
            "NETWORKING" | "BUSINESS" | "MOVEMENTS_POLITICS" => EventKind::Conference,
            "OUTDOORS_ADVENTURE" | "AUTO_BOAT_AIR" => EventKind::CitizensTrip,
            _ => EventKind::Other,
        }
    }
}

text_column!(EventKind, "event kind");

/// Whether an event takes place.
#[derive(
    utoipa::ToSchema,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    AsExpression,
    FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Scheduled,
    Tentative,
    Cancelled,
    Postponed,
}

impl EventStatus {
    pub const ALL: [EventStatus; 4] = [
        EventStatus::Scheduled,
        EventStatus::Tentative,
        EventStatus::Cancelled,
        EventStatus::Postponed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "scheduled",
            EventStatus::Tentative => "tentative",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Postponed => "postponed",
        }
    }

    pub fn parse(code: &str) -> Option<EventStatus> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// iCalendar's STATUS (RFC 5545 3.8.1.11), which Mobilizon sends as `ical:status`. A
    /// postponed event is TENTATIVE there: iCalendar has no word for it.
    pub fn ical(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "CONFIRMED",
            EventStatus::Tentative | EventStatus::Postponed => "TENTATIVE",
            EventStatus::Cancelled => "CANCELLED",
        }
    }

    pub fn from_ical(status: &str) -> EventStatus {
        match status.to_ascii_uppercase().as_str() {
            "TENTATIVE" => EventStatus::Tentative,
            "CANCELLED" => EventStatus::Cancelled,
            _ => EventStatus::Scheduled,
        }
    }
}

text_column!(EventStatus, "event status");

/// How people join an event.
#[derive(
    utoipa::ToSchema,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    AsExpression,
    FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "snake_case")]
pub enum JoinMode {
    /// A Join is accepted at once (while places are left).
    Free,
    /// A Join waits for the organiser's editors to approve or reject it.
    Approval,
    /// Registration happens elsewhere (`external_url`); a Join is refused with a pointer.
    External,
}

impl JoinMode {
    pub const ALL: [JoinMode; 3] = [JoinMode::Free, JoinMode::Approval, JoinMode::External];

    pub fn code(self) -> &'static str {
        match self {
            JoinMode::Free => "free",
            JoinMode::Approval => "approval",
            JoinMode::External => "external",
        }
    }

    pub fn parse(code: &str) -> Option<JoinMode> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Mobilizon's `joinMode`.
    pub fn mobilizon(self) -> &'static str {
        match self {
            JoinMode::Free => "free",
            JoinMode::Approval => "restricted",
            JoinMode::External => "external",
        }
    }

    pub fn from_mobilizon(mode: &str) -> JoinMode {
        match mode {
            "restricted" | "invite" => JoinMode::Approval,
            "external" => JoinMode::External,
            _ => JoinMode::Free,
        }
    }
}

text_column!(JoinMode, "join mode");

/// Where a participation stands.
#[derive(
    utoipa::ToSchema,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    AsExpression,
    FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationState {
    /// Awaits the organiser (approval mode, or our Join not yet answered).
    Pending,
    Accepted,
    /// Refused for capacity; accepted in order of arrival when a place frees.
    Waiting,
    Rejected,
}

impl ParticipationState {
    pub const ALL: [ParticipationState; 4] = [
        ParticipationState::Pending,
        ParticipationState::Accepted,
        ParticipationState::Waiting,
        ParticipationState::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ParticipationState::Pending => "pending",
            ParticipationState::Accepted => "accepted",
            ParticipationState::Waiting => "waiting",
            ParticipationState::Rejected => "rejected",
        }
    }
}

text_column!(ParticipationState, "participation state");

/// The event part of an `Event` post.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = events, primary_key(post_id), treat_none_as_null = true)]
pub struct DbEvent {
    pub post_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: String,
    pub kind: EventKind,
    pub status: EventStatus,
    pub join_mode: JoinMode,
    pub external_url: Option<String>,
    pub capacity: Option<i32>,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub languages: Vec<String>,
    pub place_name: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub online_url: Option<String>,
    pub organisers: Vec<String>,
    pub partnership: Option<String>,
    pub related_posts: Vec<String>,
    /// Raised by `save` on every change, never set from a changeset.
    #[diesel(skip_update)]
    pub sequence: i32,
    pub remote_participant_count: Option<i32>,
}

/// How long an event without a duration (a remote one that gave no `endTime`) is taken to
/// run, for the calendar's "not over yet" and for joining.
pub const OPEN_END_HOURS: i64 = 3;

impl DbEvent {
    /// The event's time zone (validated on the way in; UTC if a stored name is unknown).
    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::UTC)
    }

    /// How many take part: `accepted` (those we count) for ours; for a received event its
    /// server's own figure when larger.
    pub fn participant_count(&self, local: bool, accepted: i64) -> i64 {
        match self.remote_participant_count {
            Some(n) if !local => i64::from(n).max(accepted),
            _ => accepted,
        }
    }

    pub fn has_place(&self) -> bool {
        self.place_name.is_some()
            || self.street_address.is_some()
            || self.locality.is_some()
            || self.latitude.is_some()
    }

    /// Whether the event has ended at `now`. One without a duration (a remote event that gave
    /// no end) is taken to run [`OPEN_END_HOURS`] after its start, not to be over as it begins.
    pub fn is_past(&self, now: DateTime<Utc>) -> bool {
        self.effective_end() < now
    }

    /// When the event ends, or, without a duration, [`OPEN_END_HOURS`] after its start.
    pub fn effective_end(&self) -> DateTime<Utc> {
        if self.ends_at > self.starts_at {
            self.ends_at
        } else {
            self.starts_at + chrono::Duration::hours(OPEN_END_HOURS)
        }
    }

    /// Writes the event part of a post: inserted, or replaced with `sequence` one higher.
    pub async fn save(conn: &mut AsyncPgConnection, event: &DbEvent) -> QueryResult<DbEvent> {
        diesel::insert_into(events::table)
            .values(event)
            .on_conflict(events::post_id)
            .do_update()
            .set((event, events::sequence.eq(events::sequence + 1)))
            .returning(DbEvent::as_returning())
            .get_result(conn)
            .await
    }

    /// The event row, locked for the caller's transaction: participation decisions on one
    /// event (capacity, waiting list) are taken one at a time.
    pub async fn lock(conn: &mut AsyncPgConnection, post_id: i64) -> QueryResult<Option<DbEvent>> {
        events::table
            .find(post_id)
            .for_update()
            .select(DbEvent::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_post(
        conn: &mut AsyncPgConnection,
        post_id: i64,
    ) -> QueryResult<Option<DbEvent>> {
        events::table
            .find(post_id)
            .select(DbEvent::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_posts(
        conn: &mut AsyncPgConnection,
        ids: &[i64],
    ) -> QueryResult<HashMap<i64, DbEvent>> {
        let rows: Vec<DbEvent> = events::table
            .filter(events::post_id.eq_any(ids))
            .select(DbEvent::as_select())
            .load(conn)
            .await?;
        Ok(rows.into_iter().map(|e| (e.post_id, e)).collect())
    }

    pub async fn set_status(
        conn: &mut AsyncPgConnection,
        post_id: i64,
        status: EventStatus,
    ) -> QueryResult<DbEvent> {
        diesel::update(events::table.find(post_id))
            .set((
                events::status.eq(status),
                events::sequence.eq(events::sequence + 1),
            ))
            .returning(DbEvent::as_returning())
            .get_result(conn)
            .await
    }

    /// Events that have not ended at `now` (running or to come), by start, matching the
    /// filter; live posts only.
    pub async fn upcoming(
        conn: &mut AsyncPgConnection,
        filter: &EventFilter,
        now: DateTime<Utc>,
        limit: i64,
    ) -> QueryResult<Vec<EventFull>> {
        Self::find(conn, filter, Some(now), limit).await
    }

    /// Events of an organisation's feed: everything it organises or co-organises, newest
    /// start first (a calendar feed keeps the past too).
    pub async fn of_feed(
        conn: &mut AsyncPgConnection,
        filter: &EventFilter,
        limit: i64,
    ) -> QueryResult<Vec<EventFull>> {
        Self::find(conn, filter, None, limit).await
    }

    /// Live events matching the filter: those not ended at `not_ended_at` by start, or,
    /// without it, all by newest start.
    async fn find(
        conn: &mut AsyncPgConnection,
        filter: &EventFilter,
        not_ended_at: Option<DateTime<Utc>>,
        limit: i64,
    ) -> QueryResult<Vec<EventFull>> {
        let mut q = events::table
            .inner_join(posts::table)
            .inner_join(actors::table.on(actors::id.eq(posts::actor_id)))
            .filter(posts::deleted_at.is_null())
            .into_boxed();
        if let Some(now) = not_ended_at {
            let open_end = now - chrono::Duration::hours(OPEN_END_HOURS);
            q = q
                .filter(
                    events::ends_at.ge(now).or(events::ends_at
                        .le(events::starts_at)
                        .and(events::starts_at.ge(open_end))),
                )
                .order((events::starts_at, posts::id));
        } else {
            q = q.order((events::starts_at.desc(), posts::id.desc()));
        }
        if let Some(actor) = filter.actor_id {
            // The organiser's own and those it co-organises.
            let ap_id = filter.actor_ap_id.clone().unwrap_or_default();
            q = q.filter(
                posts::actor_id
                    .eq(actor)
                    .or(events::organisers.contains(vec![ap_id])),
            );
        }
        if filter.local_only {
            q = q.filter(posts::local.eq(true));
        }
        if let Some(kind) = filter.kind {
            q = q.filter(events::kind.eq(kind));
        }
        if let Some(theme) = &filter.theme {
            q = q.filter(posts::themes.contains(vec![theme.clone()]));
        }
        if let Some(online) = filter.online {
            q = if online {
                q.filter(events::online_url.is_not_null())
            } else {
                q.filter(events::online_url.is_null())
            };
        }
        if let Some(lang) = &filter.language {
            q = q.filter(
                events::languages
                    .contains(vec![lang.clone()])
                    .or(posts::main_language.eq(lang.clone())),
            );
        }
        if let Some(region) = &filter.region {
            q = q.filter(
                events::region
                    .eq(region.clone())
                    .or(actors::region.eq(region.clone())),
            );
        }
        if let Some(country) = &filter.country {
            q = q.filter(
                events::country
                    .eq(country.clone())
                    .or(actors::country.eq(country.clone())),
            );
        }
        let rows: Vec<(DbEvent, DbPost)> = q
            .limit(limit)
            .select((DbEvent::as_select(), DbPost::as_select()))
            .load(conn)
            .await?;
        Self::attach(conn, rows).await
    }

    async fn attach(
        conn: &mut AsyncPgConnection,
        rows: Vec<(DbEvent, DbPost)>,
    ) -> QueryResult<Vec<EventFull>> {
        let (events, posts): (Vec<DbEvent>, Vec<DbPost>) = rows.into_iter().unzip();
        let posts = load_many(conn, posts).await?;
        let ids: Vec<i64> = events.iter().map(|e| e.post_id).collect();
        let counts = DbParticipation::accepted_counts(conn, &ids).await?;
        Ok(events
            .into_iter()
            .zip(posts)
            .map(|(event, post)| {
                let accepted = counts.get(&event.post_id).copied().unwrap_or(0);
                EventFull {
                    post,
                    event,
                    accepted,
                }
            })
            .collect())
    }
}

/// What the calendar pages and feeds filter by.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub actor_id: Option<i64>,
    pub actor_ap_id: Option<String>,
    pub local_only: bool,
    pub kind: Option<EventKind>,
    pub theme: Option<String>,
    pub online: Option<bool>,
    pub language: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// An event with its post and the number of accepted participants we know of.
#[derive(Debug, Clone)]
pub struct EventFull {
    pub post: PostFull,
    pub event: DbEvent,
    pub accepted: i64,
}

impl EventFull {
    /// How many take part: ours counted; a received event's own figure when it gives one.
    pub fn participant_count(&self) -> i64 {
        self.event
            .participant_count(self.post.post.local, self.accepted)
    }

    /// Places left, when the event has a capacity.
    pub fn remaining(&self) -> Option<i64> {
        self.event
            .capacity
            .map(|c| (i64::from(c) - self.participant_count()).max(0))
    }

    pub async fn load(
        conn: &mut AsyncPgConnection,
        post: PostFull,
    ) -> QueryResult<Option<EventFull>> {
        let Some(event) = DbEvent::by_post(conn, post.post.id).await? else {
            return Ok(None);
        };
        let accepted = DbParticipation::accepted_count(conn, post.post.id).await?;
        Ok(Some(EventFull {
            post,
            event,
            accepted,
        }))
    }
}

/// One participant of one event.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_participations)]
pub struct DbParticipation {
    pub id: i64,
    pub event_id: i64,
    pub actor_id: i64,
    pub state: ParticipationState,
    pub join_ap_id: String,
    pub message: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DbParticipation {
    pub async fn accepted_counts(
        conn: &mut AsyncPgConnection,
        event_ids: &[i64],
    ) -> QueryResult<HashMap<i64, i64>> {
        let rows: Vec<(i64, i64)> = event_participations::table
            .filter(event_participations::event_id.eq_any(event_ids))
            .filter(event_participations::state.eq(ParticipationState::Accepted))
            .group_by(event_participations::event_id)
            .select((event_participations::event_id, diesel::dsl::count_star()))
            .load(conn)
            .await?;
        Ok(rows.into_iter().collect())
    }

    pub async fn find(
        conn: &mut AsyncPgConnection,
        event_id: i64,
        actor_id: i64,
    ) -> QueryResult<Option<DbParticipation>> {
        event_participations::table
            .filter(event_participations::event_id.eq(event_id))
            .filter(event_participations::actor_id.eq(actor_id))
            .select(DbParticipation::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_id(
        conn: &mut AsyncPgConnection,
        id: i64,
    ) -> QueryResult<Option<DbParticipation>> {
        event_participations::table
            .find(id)
            .select(DbParticipation::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_join(
        conn: &mut AsyncPgConnection,
        join_ap_id: &str,
    ) -> QueryResult<Option<DbParticipation>> {
        event_participations::table
            .filter(event_participations::join_ap_id.eq(join_ap_id))
            .select(DbParticipation::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Records a Join (a new one, or a repeated one from someone who left or was refused).
    pub async fn upsert(
        conn: &mut AsyncPgConnection,
        event_id: i64,
        actor_id: i64,
        state: ParticipationState,
        join_ap_id: &str,
        message: Option<&str>,
    ) -> QueryResult<DbParticipation> {
        diesel::insert_into(event_participations::table)
            .values((
                event_participations::event_id.eq(event_id),
                event_participations::actor_id.eq(actor_id),
                event_participations::state.eq(state),
                event_participations::join_ap_id.eq(join_ap_id),
                event_participations::message.eq(message),
            ))
            .on_conflict((
                event_participations::event_id,
                event_participations::actor_id,
            ))
            .do_update()
            .set((
                event_participations::state.eq(state),
                event_participations::join_ap_id.eq(join_ap_id),
                event_participations::message.eq(message),
                event_participations::created_at.eq(diesel::dsl::now),
                event_participations::updated_at.eq(diesel::dsl::now),
            ))
            .returning(DbParticipation::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn set_state(
        conn: &mut AsyncPgConnection,
        id: i64,
        state: ParticipationState,
    ) -> QueryResult<DbParticipation> {
        diesel::update(event_participations::table.find(id))
            .set((
                event_participations::state.eq(state),
                event_participations::updated_at.eq(diesel::dsl::now),
            ))
            .returning(DbParticipation::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn remove(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<usize> {
        diesel::delete(event_participations::table.find(id))
            .execute(conn)
            .await
    }

    /// The next on the waiting list, in order of arrival.
    pub async fn first_waiting(
        conn: &mut AsyncPgConnection,
        event_id: i64,
    ) -> QueryResult<Option<DbParticipation>> {
        event_participations::table
            .filter(event_participations::event_id.eq(event_id))
            .filter(event_participations::state.eq(ParticipationState::Waiting))
            .order((event_participations::created_at, event_participations::id))
            .select(DbParticipation::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Everyone who asked to take part, with their actors, in order of arrival.
    pub async fn of_event(
        conn: &mut AsyncPgConnection,
        event_id: i64,
    ) -> QueryResult<Vec<(DbParticipation, DbActor)>> {
        event_participations::table
            .inner_join(actors::table)
            .filter(event_participations::event_id.eq(event_id))
            .order((event_participations::created_at, event_participations::id))
            .select((DbParticipation::as_select(), DbActor::as_select()))
            .load(conn)
            .await
    }

    /// How many are accepted for one event.
    pub async fn accepted_count(conn: &mut AsyncPgConnection, event_id: i64) -> QueryResult<i64> {
        event_participations::table
            .filter(event_participations::event_id.eq(event_id))
            .filter(event_participations::state.eq(ParticipationState::Accepted))
            .count()
            .get_result(conn)
            .await
    }

    /// The remote participants of an event (any state but rejected), who hear of its
    /// changes and cancellation.
    pub async fn remote_participants(
        conn: &mut AsyncPgConnection,
        event_id: i64,
    ) -> QueryResult<Vec<DbActor>> {
        event_participations::table
            .inner_join(actors::table)
            .filter(event_participations::event_id.eq(event_id))
            .filter(event_participations::state.ne(ParticipationState::Rejected))
            .filter(actors::local.eq(false))
            .select(DbActor::as_select())
            .load(conn)
            .await
    }

    /// The events an actor (one of ours) asked to take part in, with their state.
    pub async fn of_actor(
        conn: &mut AsyncPgConnection,
        actor_id: i64,
    ) -> QueryResult<Vec<(DbParticipation, DbPost)>> {
        event_participations::table
            .inner_join(posts::table)
            .filter(event_participations::actor_id.eq(actor_id))
            .order(event_participations::created_at.desc())
            .select((DbParticipation::as_select(), DbPost::as_select()))
            .load(conn)
            .await
    }
}
