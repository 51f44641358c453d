//! Follows between actors, local or remote. A follow is pending until accepted.

use crate::db::models::actor::DbActor;
use crate::db::schema::{actors, follows};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = follows)]
pub struct DbFollow {
    pub id: i64,
    pub follower_id: i64,
    pub followed_id: i64,
    pub accepted: bool,
    pub follow_activity_id: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl DbFollow {
    /// Records a follow (or refreshes its activity id); `accepted` only ever moves to true here.
    pub async fn upsert(
        conn: &mut AsyncPgConnection,
        follower_id: i64,
        followed_id: i64,
        accepted: bool,
        activity_id: Option<&str>,
    ) -> QueryResult<DbFollow> {
        diesel::insert_into(follows::table)
            .values((
                follows::follower_id.eq(follower_id),
                follows::followed_id.eq(followed_id),
                follows::accepted.eq(accepted),
                follows::follow_activity_id.eq(activity_id),
            ))
            .on_conflict((follows::follower_id, follows::followed_id))
            .do_update()
            .set((
                follows::accepted.eq(diesel::dsl::sql::<diesel::sql_types::Bool>(
                    "follows.accepted OR excluded.accepted",
                )),
                follows::follow_activity_id.eq(activity_id),
            ))
            .returning(DbFollow::as_returning())
            .get_result(conn)
            .await
    }

    /// Accepted followers of an actor, newest first, as actor ids (URLs).
    pub async fn follower_ids_page(
        conn: &mut AsyncPgConnection,
        followed_id: i64,
        before: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<(i64, String)>> {
        let mut q = follows::table
            .inner_join(actors::table.on(actors::id.eq(follows::follower_id)))
            .filter(follows::followed_id.eq(followed_id))
            .filter(follows::accepted.eq(true))
            .into_boxed();
        if let Some(before) = before {
            q = q.filter(follows::id.lt(before));
        }
        q.order(follows::id.desc())
            .limit(limit)
            .select((follows::id, actors::ap_id))
            .load(conn)
            .await
    }

    /// Actors this actor follows (accepted), newest first, as actor ids (URLs).
    pub async fn following_ids_page(
        conn: &mut AsyncPgConnection,
        follower_id: i64,
        before: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<(i64, String)>> {
        let mut q = follows::table
            .inner_join(actors::table.on(actors::id.eq(follows::followed_id)))
            .filter(follows::follower_id.eq(follower_id))
            .filter(follows::accepted.eq(true))
            .into_boxed();
        if let Some(before) = before {
            q = q.filter(follows::id.lt(before));
        }
        q.order(follows::id.desc())
            .limit(limit)
            .select((follows::id, actors::ap_id))
            .load(conn)
            .await
    }

    pub async fn count_followers(
        conn: &mut AsyncPgConnection,
        followed_id: i64,
    ) -> QueryResult<i64> {
        follows::table
            .filter(follows::followed_id.eq(followed_id))
            .filter(follows::accepted.eq(true))
            .count()
            .get_result(conn)
            .await
    }

    pub async fn count_following(
        conn: &mut AsyncPgConnection,
        follower_id: i64,
    ) -> QueryResult<i64> {
        follows::table
            .filter(follows::follower_id.eq(follower_id))
            .filter(follows::accepted.eq(true))
            .count()
            .get_result(conn)
            .await
    }

    /// Accepted followers with their inboxes, for delivery.
    pub async fn followers_of(
        conn: &mut AsyncPgConnection,
        followed_id: i64,
    ) -> QueryResult<Vec<DbActor>> {
        follows::table
            .inner_join(actors::table.on(actors::id.eq(follows::follower_id)))
            .filter(follows::followed_id.eq(followed_id))
            .filter(follows::accepted.eq(true))
            .select(DbActor::as_select())
            .load(conn)
            .await
    }
}

impl DbFollow {
    pub async fn find(
        conn: &mut AsyncPgConnection,
        follower_id: i64,
        followed_id: i64,
    ) -> QueryResult<Option<DbFollow>> {
        follows::table
            .filter(follows::follower_id.eq(follower_id))
            .filter(follows::followed_id.eq(followed_id))
            .select(DbFollow::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_activity(
        conn: &mut AsyncPgConnection,
        activity_id: &str,
    ) -> QueryResult<Option<DbFollow>> {
        follows::table
            .filter(follows::follow_activity_id.eq(activity_id))
            .select(DbFollow::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn accept(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<usize> {
        diesel::update(follows::table.find(id))
            .set(follows::accepted.eq(true))
            .execute(conn)
            .await
    }

    pub async fn remove(
        conn: &mut AsyncPgConnection,
        follower_id: i64,
        followed_id: i64,
    ) -> QueryResult<usize> {
        diesel::delete(
            follows::table
                .filter(follows::follower_id.eq(follower_id))
                .filter(follows::followed_id.eq(followed_id)),
        )
        .execute(conn)
        .await
    }

    /// Follow requests waiting for the actor's approval, oldest first, with the requester.
    pub async fn pending_for(
        conn: &mut AsyncPgConnection,
        followed_id: i64,
    ) -> QueryResult<Vec<(DbFollow, DbActor)>> {
        follows::table
            .inner_join(actors::table.on(actors::id.eq(follows::follower_id)))
            .filter(follows::followed_id.eq(followed_id))
            .filter(follows::accepted.eq(false))
            .order(follows::id.asc())
            .select((DbFollow::as_select(), DbActor::as_select()))
            .load(conn)
            .await
    }

    /// Distinct inboxes (shared where offered) of an actor's accepted remote followers.
    pub async fn follower_inboxes(
        conn: &mut AsyncPgConnection,
        followed_id: i64,
    ) -> QueryResult<Vec<(String, String)>> {
        let rows: Vec<(String, Option<String>, String)> = follows::table
            .inner_join(actors::table.on(actors::id.eq(follows::follower_id)))
            .filter(follows::followed_id.eq(followed_id))
            .filter(follows::accepted.eq(true))
            .filter(actors::local.eq(false))
            .filter(actors::deleted_at.is_null())
            .select((actors::inbox_url, actors::shared_inbox_url, actors::domain))
            .load(conn)
            .await?;
        let mut out: Vec<(String, String)> = rows
            .into_iter()
            .map(|(inbox, shared, domain)| (shared.unwrap_or(inbox), domain))
            .collect();
        out.sort();
        out.dedup();
        Ok(out)
    }
}

impl DbFollow {
    /// Whom an actor follows (accepted or still pending), newest first.
    pub async fn following_of(
        conn: &mut AsyncPgConnection,
        follower_id: i64,
    ) -> QueryResult<Vec<(DbActor, bool)>> {
        follows::table
            .inner_join(actors::table.on(actors::id.eq(follows::followed_id)))
            .filter(follows::follower_id.eq(follower_id))
            .order(follows::id.desc())
            .limit(1000)
            .select((DbActor::as_select(), follows::accepted))
            .load(conn)
            .await
    }

    /// An actor's accepted followers, newest first.
    pub async fn followers_list(
        conn: &mut AsyncPgConnection,
        followed_id: i64,
    ) -> QueryResult<Vec<(DbActor, bool)>> {
        follows::table
            .inner_join(actors::table.on(actors::id.eq(follows::follower_id)))
            .filter(follows::followed_id.eq(followed_id))
            .filter(follows::accepted.eq(true))
            .order(follows::id.desc())
            .limit(1000)
            .select((DbActor::as_select(), follows::accepted))
            .load(conn)
            .await
    }
}
