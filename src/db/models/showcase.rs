//! Read-only queries of the public pages that no other part needs: featured and upcoming
//! projects across the instance's organisations, and the places the registry's filters offer.

use crate::db::models::post::{DbPost, PostFull, load_many};
use crate::db::schema::{actors, partnerships, posts};
use crate::vocab::PartnershipStatus;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

impl DbPost {
    /// Pinned live local posts across organisations, most recently pinned first.
    pub async fn pinned_local(
        conn: &mut AsyncPgConnection,
        limit: i64,
    ) -> QueryResult<Vec<PostFull>> {
        let rows: Vec<DbPost> = posts::table
            .filter(posts::local.eq(true))
            .filter(posts::deleted_at.is_null())
            .filter(posts::pinned_at.is_not_null())
            .order(posts::pinned_at.desc())
            .limit(limit)
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }

    /// Live local posts about an event starting on or after `today`, soonest first.
    pub async fn upcoming_local(
        conn: &mut AsyncPgConnection,
        today: NaiveDate,
        limit: i64,
    ) -> QueryResult<Vec<PostFull>> {
        let rows: Vec<DbPost> = posts::table
            .filter(posts::local.eq(true))
            .filter(posts::deleted_at.is_null())
            .filter(posts::in_reply_to.is_null())
            .filter(posts::starts_on.ge(today))
            .order((posts::starts_on.asc(), posts::id.asc()))
            .limit(limit)
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }
}

/// The countries and regions of organisations that have a partnership (not declined), for
/// the registry's filters: (countries, regions), each sorted and without repeats.
pub async fn partner_places(
    conn: &mut AsyncPgConnection,
) -> QueryResult<(Vec<String>, Vec<String>)> {
    let live = partnerships::status.ne(PartnershipStatus::Declined);
    let subjects = partnerships::table
        .filter(live)
        .select(partnerships::subject_id);
    let objects = partnerships::table
        .filter(partnerships::status.ne(PartnershipStatus::Declined))
        .select(partnerships::object_id);
    let rows: Vec<(Option<String>, Option<String>)> = actors::table
        .filter(actors::id.eq_any(subjects).or(actors::id.eq_any(objects)))
        .select((actors::country, actors::region))
        .distinct()
        .load(conn)
        .await?;
    let mut countries: Vec<String> = rows.iter().filter_map(|(c, _)| c.clone()).collect();
    let mut regions: Vec<String> = rows.iter().filter_map(|(_, r)| r.clone()).collect();
    countries.sort();
    countries.dedup();
    regions.sort();
    regions.dedup();
    Ok((countries, regions))
}

impl DbPost {
    /// Live projects (not replies) that name the funding programme `programme` (its id),
    /// newest first: the programme page's list.
    pub async fn funded_by(
        conn: &mut AsyncPgConnection,
        programme: &str,
        limit: i64,
    ) -> QueryResult<Vec<PostFull>> {
        let rows: Vec<DbPost> = posts::table
            .filter(posts::funded_by.eq(programme))
            .filter(posts::deleted_at.is_null())
            .filter(posts::in_reply_to.is_null())
            .order((posts::published.desc(), posts::id.desc()))
            .limit(limit)
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }
}
