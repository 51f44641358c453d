//! Relays our instance actor subscribes to: LitePub or Mastodon-style relay software, each
//! with its subscription style and state. Peer networks are not here: subscribing to a peer
//! is a follow of its instance actor (`follows`).

use crate::db::models::actor::DbActor;
use crate::db::schema::{actors, relays};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::fmt;
use std::str::FromStr;

/// How a relay is subscribed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayStyle {
    /// `Follow` whose object is `as:Public`, sent to the relay's inbox (as Mastodon does).
    Mastodon,
    /// `Follow` of the relay's actor (as Pleroma and Akkoma do).
    LitePub,
}

/// Where a subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayState {
    /// Our Follow is sent, not answered yet.
    Pending,
    Accepted,
    Rejected,
}

impl RelayStyle {
    pub fn as_str(self) -> &'static str {
        match self {
            RelayStyle::Mastodon => "mastodon",
            RelayStyle::LitePub => "litepub",
        }
    }
}

impl RelayState {
    pub fn as_str(self) -> &'static str {
        match self {
            RelayState::Pending => "pending",
            RelayState::Accepted => "accepted",
            RelayState::Rejected => "rejected",
        }
    }
}

impl fmt::Display for RelayStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for RelayState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelayStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "mastodon" => Ok(RelayStyle::Mastodon),
            "litepub" => Ok(RelayStyle::LitePub),
            other => Err(format!("unknown relay style {other:?}")),
        }
    }
}

impl FromStr for RelayState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "pending" => Ok(RelayState::Pending),
            "accepted" => Ok(RelayState::Accepted),
            "rejected" => Ok(RelayState::Rejected),
            other => Err(format!("unknown relay state {other:?}")),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = relays)]
struct RelayRow {
    id: i64,
    inbox_url: String,
    domain: String,
    actor_id: Option<i64>,
    style: String,
    state: String,
    follow_activity_id: String,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
}

/// One relay subscription.
#[derive(Debug, Clone)]
pub struct DbRelay {
    pub id: i64,
    pub inbox_url: String,
    pub domain: String,
    pub actor_id: Option<i64>,
    pub style: RelayStyle,
    pub state: RelayState,
    pub follow_activity_id: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// The check constraints keep other values out; one that appears anyway is a database error.
fn parse<T: FromStr<Err = String>>(s: &str) -> QueryResult<T> {
    s.parse().map_err(|e: String| {
        diesel::result::Error::DeserializationError(
            Box::<dyn std::error::Error + Send + Sync>::from(e),
        )
    })
}

impl TryFrom<RelayRow> for DbRelay {
    type Error = diesel::result::Error;
    fn try_from(r: RelayRow) -> QueryResult<DbRelay> {
        Ok(DbRelay {
            id: r.id,
            inbox_url: r.inbox_url,
            domain: r.domain,
            actor_id: r.actor_id,
            style: parse(&r.style)?,
            state: parse(&r.state)?,
            follow_activity_id: r.follow_activity_id,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

fn one(row: Option<RelayRow>) -> QueryResult<Option<DbRelay>> {
    row.map(DbRelay::try_from).transpose()
}

impl DbRelay {
    /// Records a new subscription as pending, or renews one to the same inbox (a fresh
    /// Follow after a rejection or a change of style).
    pub async fn upsert(
        conn: &mut AsyncPgConnection,
        inbox_url: &str,
        domain: &str,
        actor_id: Option<i64>,
        style: RelayStyle,
        follow_activity_id: &str,
    ) -> QueryResult<DbRelay> {
        let row: RelayRow = diesel::insert_into(relays::table)
            .values((
                relays::inbox_url.eq(inbox_url),
                relays::domain.eq(domain),
                relays::actor_id.eq(actor_id),
                relays::style.eq(style.as_str()),
                relays::follow_activity_id.eq(follow_activity_id),
            ))
            .on_conflict(relays::inbox_url)
            .do_update()
            .set((
                relays::actor_id.eq(diesel::dsl::sql::<
                    diesel::sql_types::Nullable<diesel::sql_types::Int8>,
                >(
                    "coalesce(excluded.actor_id, relays.actor_id)"
                )),
                relays::style.eq(style.as_str()),
                relays::state.eq(RelayState::Pending.as_str()),
                relays::follow_activity_id.eq(follow_activity_id),
                relays::updated_at.eq(diesel::dsl::now),
            ))
            .returning(RelayRow::as_returning())
            .get_result(conn)
            .await?;
        row.try_into()
    }

    /// Every relay subscription, newest first, with its actor where known.
    pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<(DbRelay, Option<DbActor>)>> {
        let rows: Vec<(RelayRow, Option<DbActor>)> = relays::table
            .left_join(actors::table)
            .order(relays::id.desc())
            .select((RelayRow::as_select(), Option::<DbActor>::as_select()))
            .load(conn)
            .await?;
        rows.into_iter()
            .map(|(r, a)| Ok((r.try_into()?, a)))
            .collect()
    }

    /// The subscription our Follow with this id made.
    pub async fn by_follow_activity(
        conn: &mut AsyncPgConnection,
        follow_activity_id: &str,
    ) -> QueryResult<Option<DbRelay>> {
        one(relays::table
            .filter(relays::follow_activity_id.eq(follow_activity_id))
            .select(RelayRow::as_select())
            .first(conn)
            .await
            .optional()?)
    }

    /// The subscription to a relay known by its actor, or else by one of the actor's
    /// inboxes (a Mastodon-style subscription named only by its inbox).
    pub async fn of_actor(
        conn: &mut AsyncPgConnection,
        actor: &DbActor,
    ) -> QueryResult<Option<DbRelay>> {
        let inboxes: Vec<&str> = [
            Some(actor.inbox_url.as_str()),
            actor.shared_inbox_url.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        one(relays::table
            .filter(
                relays::actor_id.eq(actor.id).or(relays::actor_id
                    .is_null()
                    .and(relays::inbox_url.eq_any(inboxes))),
            )
            .order(relays::id.desc())
            .select(RelayRow::as_select())
            .first(conn)
            .await
            .optional()?)
    }

    /// The subscriptions to relays on a host.
    pub async fn on_domain(
        conn: &mut AsyncPgConnection,
        domain: &str,
    ) -> QueryResult<Vec<DbRelay>> {
        let rows: Vec<RelayRow> = relays::table
            .filter(relays::domain.eq(domain.to_ascii_lowercase()))
            .select(RelayRow::as_select())
            .load(conn)
            .await?;
        rows.into_iter().map(DbRelay::try_from).collect()
    }

    /// Records the relay's answer, and its actor (the answer's signer).
    pub async fn set_state(
        conn: &mut AsyncPgConnection,
        id: i64,
        state: RelayState,
        actor_id: i64,
    ) -> QueryResult<usize> {
        diesel::update(relays::table.find(id))
            .set((
                relays::state.eq(state.as_str()),
                relays::actor_id.eq(actor_id),
                relays::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await
    }

    /// Inboxes of the relays that accepted us, with their hosts, for delivery.
    pub async fn accepted_inboxes(
        conn: &mut AsyncPgConnection,
    ) -> QueryResult<Vec<(String, String)>> {
        relays::table
            .filter(relays::state.eq(RelayState::Accepted.as_str()))
            .select((relays::inbox_url, relays::domain))
            .load(conn)
            .await
    }

    pub async fn remove(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<usize> {
        diesel::delete(relays::table.find(id)).execute(conn).await
    }
}
