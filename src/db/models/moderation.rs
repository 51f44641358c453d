//! The moderation queue: reports received (`Flag`s), and actors a moderator suspended.

use crate::db::models::actor::DbActor;
use crate::db::schema::{actors, reports, suspended_actors};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reports)]
pub struct DbReport {
    pub id: i64,
    pub activity_ap_id: String,
    pub reporter: String,
    pub objects: Vec<String>,
    pub content: Option<String>,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// Open reports first (newest first), then the 50 most recently resolved.
pub async fn reports(conn: &mut AsyncPgConnection) -> QueryResult<Vec<DbReport>> {
    let mut open: Vec<DbReport> = reports::table
        .filter(reports::resolved_at.is_null())
        .order(reports::id.desc())
        .select(DbReport::as_select())
        .load(conn)
        .await?;
    let resolved: Vec<DbReport> = reports::table
        .filter(reports::resolved_at.is_not_null())
        .order(reports::resolved_at.desc())
        .limit(50)
        .select(DbReport::as_select())
        .load(conn)
        .await?;
    open.extend(resolved);
    Ok(open)
}

pub async fn report(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<DbReport>> {
    reports::table
        .find(id)
        .select(DbReport::as_select())
        .first(conn)
        .await
        .optional()
}

/// Marks a report handled; false if it was already.
pub async fn resolve_report(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<bool> {
    let n = diesel::update(reports::table.find(id))
        .filter(reports::resolved_at.is_null())
        .set(reports::resolved_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(n == 1)
}

pub async fn is_suspended(conn: &mut AsyncPgConnection, actor_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(suspended_actors::table.find(actor_id)))
        .get_result(conn)
        .await
}

/// Suspends an actor; suspending twice keeps the first record.
pub async fn suspend(
    conn: &mut AsyncPgConnection,
    actor_id: i64,
    reason: Option<&str>,
    by: i64,
) -> QueryResult<usize> {
    diesel::insert_into(suspended_actors::table)
        .values((
            suspended_actors::actor_id.eq(actor_id),
            suspended_actors::reason.eq(reason),
            suspended_actors::suspended_by.eq(by),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await
}

pub async fn unsuspend(conn: &mut AsyncPgConnection, actor_id: i64) -> QueryResult<usize> {
    diesel::delete(suspended_actors::table.find(actor_id))
        .execute(conn)
        .await
}

/// Suspended actors with the reason and when, most recent first.
pub async fn suspended(
    conn: &mut AsyncPgConnection,
) -> QueryResult<Vec<(DbActor, Option<String>, DateTime<Utc>)>> {
    suspended_actors::table
        .inner_join(actors::table)
        .order(suspended_actors::created_at.desc())
        .select((
            DbActor::as_select(),
            suspended_actors::reason,
            suspended_actors::created_at,
        ))
        .load(conn)
        .await
}
