//! Relays our instance actor subscribes to: LitePub or Mastodon-style relay software, each
//! with its subscription style and state. Peer networks are not here: subscribing to a peer
//! is a follow of its instance actor (`follows`).

use crate::db::models::actor::DbActor;
use crate::db::schema::{actors, relays};
use crate::vocab::text_column;
use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::fmt;
use std::str::FromStr;

/// How a relay is subscribed to. Stored as its code in `relays.style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum RelayStyle {
    /// `Follow` whose object is `as:Public`, sent to the relay's inbox (as Mastodon does).
    Mastodon,
    /// `Follow` of the relay's actor (as Pleroma and Akkoma do).
    LitePub,
}

/// Where a subscription stands. Stored as its code in `relays.state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum RelayState {
    /// Our Follow is sent, not answered yet.
    Pending,
    Accepted,
    Rejected,
}

impl RelayStyle {
    pub const ALL: [RelayStyle; 2] = [RelayStyle::Mastodon, RelayStyle::LitePub];

    pub fn code(self) -> &'static str {
        match self {
            RelayStyle::Mastodon => "mastodon",
            RelayStyle::LitePub => "litepub",
        }
    }
}

impl RelayState {
    pub const ALL: [RelayState; 3] = [
        RelayState::Pending,
        RelayState::Accepted,
        RelayState::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RelayState::Pending => "pending",
            RelayState::Accepted => "accepted",
            RelayState::Rejected => "rejected",
        }
    }
}

text_column!(RelayStyle, "relay style");
text_column!(RelayState, "relay state");

impl fmt::Display for RelayStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for RelayState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
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

/// One relay subscription.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = relays)]
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
        diesel::insert_into(relays::table)
            .values((
                relays::inbox_url.eq(inbox_url),
                relays::domain.eq(domain),
                relays::actor_id.eq(actor_id),
                relays::style.eq(style),
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
                relays::style.eq(style),
                relays::state.eq(RelayState::Pending),
                relays::follow_activity_id.eq(follow_activity_id),
                relays::updated_at.eq(diesel::dsl::now),
            ))
            .returning(DbRelay::as_returning())
            .get_result(conn)
            .await
    }

    /// Every relay subscription, newest first, with its actor where known.
    pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<(DbRelay, Option<DbActor>)>> {
        relays::table
            .left_join(actors::table)
            .order(relays::id.desc())
            .select((DbRelay::as_select(), Option::<DbActor>::as_select()))
            .load(conn)
            .await
    }

    /// The subscription our Follow with this id made.
    pub async fn by_follow_activity(
        conn: &mut AsyncPgConnection,
        follow_activity_id: &str,
    ) -> QueryResult<Option<DbRelay>> {
        relays::table
            .filter(relays::follow_activity_id.eq(follow_activity_id))
            .select(DbRelay::as_select())
            .first(conn)
            .await
            .optional()
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
        relays::table
            .filter(
                relays::actor_id.eq(actor.id).or(relays::actor_id
                    .is_null()
                    .and(relays::inbox_url.eq_any(inboxes))),
            )
            .order(relays::id.desc())
            .select(DbRelay::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The subscriptions to relays on a host.
    pub async fn on_domain(
        conn: &mut AsyncPgConnection,
        domain: &str,
    ) -> QueryResult<Vec<DbRelay>> {
        relays::table
            .filter(relays::domain.eq(domain.to_ascii_lowercase()))
            .select(DbRelay::as_select())
            .load(conn)
            .await
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
                relays::state.eq(state),
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
            .filter(relays::state.eq(RelayState::Accepted))
            .select((relays::inbox_url, relays::domain))
            .load(conn)
            .await
    }

    pub async fn remove(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<usize> {
        diesel::delete(relays::table.find(id)).execute(conn).await
    }
}
