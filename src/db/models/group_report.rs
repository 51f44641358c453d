//! Reports (`Flag`s) about the threads and comments of a group, for its moderators: from a
//! local account, or received from another server; and those we sent to a group elsewhere.

use crate::db::schema::group_reports;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = group_reports)]
pub struct DbGroupReport {
    pub id: i64,
    pub group_id: i64,
    pub object_ap_id: String,
    pub activity_ap_id: Option<String>,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<i64>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = group_reports)]
pub struct NewGroupReport<'a> {
    pub group_id: i64,
    pub object_ap_id: &'a str,
    pub activity_ap_id: Option<&'a str>,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub reason: &'a str,
}

/// Records a report; `None` when a report with the same activity id is recorded already
/// (a Flag received twice).
pub async fn add(
    conn: &mut AsyncPgConnection,
    report: &NewGroupReport<'_>,
) -> QueryResult<Option<DbGroupReport>> {
    diesel::insert_into(group_reports::table)
        .values(report)
        .on_conflict_do_nothing()
        .returning(DbGroupReport::as_returning())
        .get_result(conn)
        .await
        .optional()
}

/// A group's reports: open ones first, newest first; then the latest resolved ones.
pub async fn of_group(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    limit: i64,
) -> QueryResult<Vec<DbGroupReport>> {
    group_reports::table
        .filter(group_reports::group_id.eq(group_id))
        .order((
            group_reports::resolved_at.is_not_null(),
            group_reports::id.desc(),
        ))
        .limit(limit)
        .select(DbGroupReport::as_select())
        .load(conn)
        .await
}

/// How many reports of a group wait for a moderator.
pub async fn open_count(conn: &mut AsyncPgConnection, group_id: i64) -> QueryResult<i64> {
    group_reports::table
        .filter(group_reports::group_id.eq(group_id))
        .filter(group_reports::resolved_at.is_null())
        .count()
        .get_result(conn)
        .await
}

/// Marks a group's open report resolved by `account`; the report when it was open.
pub async fn resolve(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    id: i64,
    account: i64,
) -> QueryResult<Option<DbGroupReport>> {
    diesel::update(group_reports::table.find(id))
        .filter(group_reports::group_id.eq(group_id))
        .filter(group_reports::resolved_at.is_null())
        .set((
            group_reports::resolved_at.eq(diesel::dsl::now),
            group_reports::resolved_by.eq(account),
        ))
        .returning(DbGroupReport::as_returning())
        .get_result(conn)
        .await
        .optional()
}
