//! An account's own `Person` actor (off by default): which actor an account writes as when it
//! writes as itself, whether it is turned off (its actor's `deleted_at`), and the inboxes that
//! have seen it (where its `Delete` goes).

use crate::db::models::actor::{DbActor, NewActor};
use crate::db::schema::{account_persons, actors};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// An account's Person, with its actor and whether it is turned off.
#[derive(Debug, Clone)]
pub struct Person {
    pub account_id: i64,
    pub actor: DbActor,
    /// When it was turned off; `None` while it is on.
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Person {
    pub fn enabled(&self) -> bool {
        self.deleted_at.is_none()
    }
}

type Row = (i64, DbActor, Option<DateTime<Utc>>);

fn person((account_id, actor, deleted_at): Row) -> Person {
    Person {
        account_id,
        actor,
        deleted_at,
    }
}

/// The Person of an account, on or off; `None` if it never had one.
pub async fn of_account(
    conn: &mut AsyncPgConnection,
    account_id: i64,
) -> QueryResult<Option<Person>> {
    account_persons::table
        .inner_join(actors::table)
        .filter(account_persons::account_id.eq(account_id))
        .select((
            account_persons::account_id,
            DbActor::as_select(),
            actors::deleted_at,
        ))
        .first::<Row>(conn)
        .await
        .optional()
        .map(|r| r.map(person))
}

/// A local Person by handle (case-insensitively), on or off.
pub async fn by_handle(conn: &mut AsyncPgConnection, handle: &str) -> QueryResult<Option<Person>> {
    account_persons::table
        .inner_join(actors::table)
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("lower(actors.handle) = lower(")
                .bind::<diesel::sql_types::Text, _>(handle.to_string())
                .sql(")"),
        )
        .select((
            account_persons::account_id,
            DbActor::as_select(),
            actors::deleted_at,
        ))
        .first::<Row>(conn)
        .await
        .optional()
        .map(|r| r.map(person))
}

/// Whether a local actor is a Person that is turned off.
pub async fn is_gone(conn: &mut AsyncPgConnection, actor_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        account_persons::table
            .inner_join(actors::table)
            .filter(account_persons::actor_id.eq(actor_id))
            .filter(actors::deleted_at.is_not_null()),
    ))
    .get_result(conn)
    .await
}

/// Stores a new Person's actor and links it to the account (in the caller's transaction).
pub async fn create(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    actor: &NewActor,
) -> QueryResult<Person> {
    let actor = DbActor::insert(conn, actor).await?;
    diesel::insert_into(account_persons::table)
        .values((
            account_persons::account_id.eq(account_id),
            account_persons::actor_id.eq(actor.id),
        ))
        .execute(conn)
        .await?;
    Ok(Person {
        account_id,
        actor,
        deleted_at: None,
    })
}

/// Turns a Person on again (or keeps it on) with this display name.
pub async fn set_on(conn: &mut AsyncPgConnection, actor_id: i64, name: &str) -> QueryResult<()> {
    diesel::update(actors::table.find(actor_id))
        .set((
            actors::name.eq(name),
            actors::deleted_at.eq(None::<DateTime<Utc>>),
            actors::updated.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks a Person turned off.
pub async fn set_off(conn: &mut AsyncPgConnection, actor_id: i64) -> QueryResult<()> {
    diesel::update(actors::table.find(actor_id))
        .set((
            actors::deleted_at.eq(diesel::dsl::now),
            actors::updated.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(QueryableByName)]
struct Inbox {
    #[diesel(sql_type = diesel::sql_types::Text)]
    inbox: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    domain: String,
}

/// Every inbox that was sent something of this actor: its own activities, and what others
/// (a group announcing its threads) sent about its posts, including activities the
/// maintenance pass has since forgotten (`delivery_reach`). Where its `Delete` goes.
pub async fn inboxes_that_saw(
    conn: &mut AsyncPgConnection,
    actor_id: i64,
) -> QueryResult<Vec<(String, String)>> {
    let rows: Vec<Inbox> = diesel::sql_query(
        "WITH seen AS ( \
             SELECT a.id FROM outbound_activities a \
             WHERE a.actor_id = $1 \
                OR a.object_ap_id IN (SELECT ap_id FROM posts WHERE actor_id = $1) \
         ) \
         SELECT d.inbox, d.domain FROM deliveries d JOIN seen ON seen.id = d.activity_id \
         UNION \
         SELECT t.inbox, t.domain FROM delivered_batches b JOIN seen ON seen.id = b.activity_id, \
                unnest(b.inboxes, b.domains) AS t(inbox, domain) \
         UNION \
         SELECT r.inbox, r.domain FROM delivery_reach r WHERE r.actor_id = $1 \
         ORDER BY inbox",
    )
    .bind::<diesel::sql_types::BigInt, _>(actor_id)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.inbox, r.domain)).collect())
}

/// What a person wrote and still stands (threads and comments), newest first, and how many.
pub async fn writings(
    conn: &mut AsyncPgConnection,
    actor_id: i64,
    limit: i64,
) -> QueryResult<(Vec<crate::db::models::post::PostFull>, i64)> {
    use crate::db::models::post::DbPost;
    use crate::db::schema::posts;
    let live = posts::table
        .filter(posts::actor_id.eq(actor_id))
        .filter(posts::deleted_at.is_null());
    let total = live.count().get_result(conn).await?;
    let rows: Vec<DbPost> = live
        .order(posts::id.desc())
        .limit(limit)
        .select(DbPost::as_select())
        .load(conn)
        .await?;
    Ok((crate::db::models::post::load_many(conn, rows).await?, total))
}
