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
/// the registry's filters: (countries, regions as value and label), each sorted and without
/// repeats.
pub async fn partner_places(
    conn: &mut AsyncPgConnection,
) -> QueryResult<(Vec<String>, Vec<(String, String)>)> {
    let live = partnerships::status.ne(PartnershipStatus::Declined);
    let subjects = partnerships::table
        .filter(live)
        .select(partnerships::subject_id);
    let objects = partnerships::table
        .filter(partnerships::status.ne(PartnershipStatus::Declined))
        .select(partnerships::object_id);
    let rows: Vec<(Option<String>, Option<String>, Option<String>)> = actors::table
        .filter(actors::id.eq_any(subjects).or(actors::id.eq_any(objects)))
        .select((actors::country, actors::region, actors::nuts))
        .distinct()
        .load(conn)
        .await?;
    let mut countries: Vec<String> = rows.iter().filter_map(|(c, _, _)| c.clone()).collect();
    countries.sort();
    countries.dedup();
    // An organisation with a NUTS code is in its region at its country's statistics level
    // (a Land, a région, a regione, a województwo), in every EU country; one without, in
    // the region it names.
    let mut regions: Vec<(String, String)> = rows
        .iter()
        .filter_map(|(_, named, nuts)| {
            match nuts.as_deref().and_then(crate::nuts::statistics_region) {
                Some(code) => Some((code.to_string(), crate::nuts::label(code))),
                None => named.clone().map(|n| (n.clone(), n)),
            }
        })
        .collect();
    regions.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
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
