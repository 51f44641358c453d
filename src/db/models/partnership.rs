//! Partnerships between organisations (local or remote), and the registry's queries.

use crate::db::models::actor::DbActor;
use crate::db::schema::{actors, partnerships};
use crate::vocab::{PartnershipKind, PartnershipStatus};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = partnerships)]
pub struct DbPartnership {
    pub id: i64,
    pub ap_id: String,
    pub subject_id: i64,
    pub object_id: i64,
    pub kind: PartnershipKind,
    pub founded_year: Option<i32>,
    pub status: PartnershipStatus,
    pub ended_on: Option<NaiveDate>,
    pub confirmed: bool,
    pub imported: bool,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub description: Value,
    pub offer_activity_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = partnerships)]
pub struct NewPartnership {
    pub ap_id: String,
    pub subject_id: i64,
    pub object_id: i64,
    pub kind: PartnershipKind,
    pub founded_year: Option<i32>,
    pub status: PartnershipStatus,
    pub ended_on: Option<NaiveDate>,
    pub confirmed: bool,
    pub imported: bool,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub description: Value,
    pub offer_activity_id: Option<String>,
}

/// A partnership with both organisations.
#[derive(Debug, Clone)]
pub struct PartnershipFull {
    pub partnership: DbPartnership,
    pub subject: DbActor,
    pub object: DbActor,
}

impl PartnershipFull {
    /// The other side, seen from `actor_id`.
    pub fn partner_of(&self, actor_id: i64) -> &DbActor {
        if self.subject.id == actor_id {
            &self.object
        } else {
            &self.subject
        }
    }
}

/// Filters of the registry.
#[derive(Debug, Clone, Default)]
pub struct RegistryFilter {
    pub organisation_id: Option<i64>,
    /// Two ISO country codes, in either order.
    pub countries: Option<(String, String)>,
    /// Two regions (or a region and a country code), in either order.
    pub regions: Option<(String, String)>,
    pub kind: Option<PartnershipKind>,
    pub status: Option<PartnershipStatus>,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
    pub theme: Option<String>,
    pub confirmed_only: bool,
}

impl DbPartnership {
    pub async fn insert(
        conn: &mut AsyncPgConnection,
        new: &NewPartnership,
    ) -> QueryResult<DbPartnership> {
        diesel::insert_into(partnerships::table)
            .values(new)
            .returning(DbPartnership::as_returning())
            .get_result(conn)
            .await
    }

    /// Inserts a partnership unless one with its id, or a live one of its kind between the
    /// same two organisations, exists (stored by a concurrent request, say): `None` then,
    /// and nothing written.
    pub async fn insert_if_new(
        conn: &mut AsyncPgConnection,
        new: &NewPartnership,
    ) -> QueryResult<Option<DbPartnership>> {
        diesel::insert_into(partnerships::table)
            .values(new)
            .on_conflict_do_nothing()
            .returning(DbPartnership::as_returning())
            .get_result(conn)
            .await
            .optional()
    }

    pub async fn by_ap_id(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
    ) -> QueryResult<Option<DbPartnership>> {
        partnerships::table
            .filter(partnerships::ap_id.eq(ap_id))
            .select(DbPartnership::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_id(
        conn: &mut AsyncPgConnection,
        id: i64,
    ) -> QueryResult<Option<DbPartnership>> {
        partnerships::table
            .find(id)
            .select(DbPartnership::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The row, locked until the caller's transaction ends: of two answers or changes at
    /// once, the second sees what the first did.
    pub async fn lock(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<DbPartnership>> {
        partnerships::table
            .find(id)
            .select(DbPartnership::as_select())
            .for_update()
            .first(conn)
            .await
            .optional()
    }

    /// The live partnership of a kind between two organisations, whichever side proposed it.
    pub async fn live_between(
        conn: &mut AsyncPgConnection,
        a: i64,
        b: i64,
        kind: PartnershipKind,
    ) -> QueryResult<Option<DbPartnership>> {
        partnerships::table
            .filter(
                (partnerships::subject_id
                    .eq(a)
                    .and(partnerships::object_id.eq(b)))
                .or(partnerships::subject_id
                    .eq(b)
                    .and(partnerships::object_id.eq(a))),
            )
            .filter(partnerships::kind.eq(kind))
            .filter(partnerships::status.eq_any(PartnershipStatus::LIVE))
            .select(DbPartnership::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Sets status (and confirmation, end date) after a handshake step.
    pub async fn set_status(
        conn: &mut AsyncPgConnection,
        id: i64,
        status: PartnershipStatus,
        confirmed: bool,
        ended_on: Option<NaiveDate>,
    ) -> QueryResult<DbPartnership> {
        diesel::update(partnerships::table.find(id))
            .set((
                partnerships::status.eq(status),
                partnerships::confirmed.eq(confirmed),
                partnerships::ended_on.eq(ended_on),
                partnerships::updated_at.eq(diesel::dsl::now),
            ))
            .returning(DbPartnership::as_returning())
            .get_result(conn)
            .await
    }

    /// Forgets the Offer waiting for an answer (an imported partnership whose confirmation
    /// was declined: it stays as it was, and no longer waits).
    pub async fn clear_offer(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<usize> {
        diesel::update(partnerships::table.find(id))
            .set(partnerships::offer_activity_id.eq(None::<String>))
            .execute(conn)
            .await
    }

    pub async fn set_details(
        conn: &mut AsyncPgConnection,
        id: i64,
        description: &Value,
        languages: &[String],
        themes: &[String],
        founded_year: Option<i32>,
    ) -> QueryResult<DbPartnership> {
        diesel::update(partnerships::table.find(id))
            .set((
                partnerships::description.eq(description),
                partnerships::languages.eq(languages),
                partnerships::themes.eq(themes),
                partnerships::founded_year.eq(founded_year),
                partnerships::updated_at.eq(diesel::dsl::now),
            ))
            .returning(DbPartnership::as_returning())
            .get_result(conn)
            .await
    }

    /// Loads both sides of several partnerships with one query.
    pub async fn with_actors(
        conn: &mut AsyncPgConnection,
        rows: Vec<DbPartnership>,
    ) -> QueryResult<Vec<PartnershipFull>> {
        let ids: Vec<i64> = rows
            .iter()
            .flat_map(|p| [p.subject_id, p.object_id])
            .collect();
        let actors: Vec<DbActor> = actors::table
            .filter(actors::id.eq_any(&ids))
            .select(DbActor::as_select())
            .load(conn)
            .await?;
        let find = |id: i64| actors.iter().find(|a| a.id == id).cloned();
        Ok(rows
            .into_iter()
            .filter_map(|p| {
                let subject = find(p.subject_id)?;
                let object = find(p.object_id)?;
                Some(PartnershipFull {
                    partnership: p,
                    subject,
                    object,
                })
            })
            .collect())
    }

    /// An organisation's partnerships (not declined), oldest founding first.
    pub async fn of_actor(
        conn: &mut AsyncPgConnection,
        actor_id: i64,
    ) -> QueryResult<Vec<PartnershipFull>> {
        let rows: Vec<DbPartnership> = partnerships::table
            .filter(
                partnerships::subject_id
                    .eq(actor_id)
                    .or(partnerships::object_id.eq(actor_id)),
            )
            .filter(partnerships::status.ne(PartnershipStatus::Declined))
            .order((
                partnerships::founded_year.asc().nulls_last(),
                partnerships::id.asc(),
            ))
            .select(DbPartnership::as_select())
            .load(conn)
            .await?;
        Self::with_actors(conn, rows).await
    }

    /// For each of `actor_ids`, how many proposals wait for its answer
    /// ([`DbPartnership::awaits_answer_from`]); actors with none are left out.
    pub async fn awaiting_answer(
        conn: &mut AsyncPgConnection,
        actor_ids: &[i64],
    ) -> QueryResult<std::collections::HashMap<i64, i64>> {
        let rows: Vec<DbPartnership> = partnerships::table
            .filter(partnerships::object_id.eq_any(actor_ids))
            .filter(partnerships::confirmed.eq(false))
            .filter(
                partnerships::status
                    .ne_all([PartnershipStatus::Declined, PartnershipStatus::Ended]),
            )
            .select(DbPartnership::as_select())
            .load(conn)
            .await?;
        let mut counts = std::collections::HashMap::new();
        for r in rows.iter().filter(|r| r.awaits_answer_from(r.object_id)) {
            *counts.entry(r.object_id).or_insert(0) += 1;
        }
        Ok(counts)
    }

    /// The registry: partnerships matching `f`, sorted by founding year, paginated.
    pub async fn registry(
        conn: &mut AsyncPgConnection,
        f: &RegistryFilter,
        limit: i64,
        offset: i64,
    ) -> QueryResult<(Vec<PartnershipFull>, i64)> {
        let (a, b) = diesel::alias!(actors as subj, actors as obj);
        let mut q = partnerships::table
            .inner_join(a.on(a.field(actors::id).eq(partnerships::subject_id)))
            .inner_join(b.on(b.field(actors::id).eq(partnerships::object_id)))
            .filter(partnerships::status.ne(PartnershipStatus::Declined))
            .into_boxed();
        let mut count_q = partnerships::table
            .inner_join(a.on(a.field(actors::id).eq(partnerships::subject_id)))
            .inner_join(b.on(b.field(actors::id).eq(partnerships::object_id)))
            .filter(partnerships::status.ne(PartnershipStatus::Declined))
            .into_boxed();
        macro_rules! both {
            ($e:expr) => {{
                q = q.filter($e);
                count_q = count_q.filter($e);
            }};
        }
        if let Some(id) = f.organisation_id {
            both!(
                partnerships::subject_id
                    .eq(id)
                    .or(partnerships::object_id.eq(id))
            );
        }
        if let Some((x, y)) = &f.countries {
            both!(
                (a.field(actors::country)
                    .eq(x.clone())
                    .and(b.field(actors::country).eq(y.clone())))
                .or(a
                    .field(actors::country)
                    .eq(y.clone())
                    .and(b.field(actors::country).eq(x.clone())))
            );
        }
        if let Some((x, y)) = &f.regions {
            // A region matches by NUTS code (the organisation's NUTS code starts with it:
            // DE1 holds DE111), by name (an organisation without a NUTS code), or by country
            // code for a whole country (Bayern × IT).
            let within = |code: &String| {
                if code.len() >= 3 && crate::nuts::check_nuts(code, None).is_ok() {
                    format!("{code}%")
                } else {
                    // A pattern no NUTS code matches.
                    String::from("\u{1}")
                }
            };
            let (x_nuts, y_nuts) = (within(x), within(y));
            // Whether a side (`a` or `b`) lies in a region, given as its value and its NUTS
            // pattern.
            macro_rules! in_region {
                ($side:expr, $value:expr, $nuts:expr) => {
                    $side
                        .field(actors::region)
                        .eq($value.clone())
                        .or($side.field(actors::country).eq($value.clone()))
                        .or($side.field(actors::nuts).like($nuts.clone()))
                };
            }
            let side_a_x = in_region!(a, x, x_nuts);
            let side_b_y = in_region!(b, y, y_nuts);
            let side_a_y = in_region!(a, y, y_nuts);
            let side_b_x = in_region!(b, x, x_nuts);
            both!(
                side_a_x
                    .clone()
                    .and(side_b_y.clone())
                    .or(side_a_y.clone().and(side_b_x.clone()))
            );
        }
        if let Some(k) = &f.kind {
            both!(partnerships::kind.eq(*k));
        }
        if let Some(s) = &f.status {
            both!(partnerships::status.eq(*s));
        }
        if let Some(y) = f.from_year {
            both!(partnerships::founded_year.ge(y));
        }
        if let Some(y) = f.to_year {
            both!(partnerships::founded_year.le(y));
        }
        if let Some(t) = &f.theme {
            both!(partnerships::themes.contains(vec![t.clone()]));
        }
        if f.confirmed_only {
            both!(partnerships::confirmed.eq(true));
        }
        let total: i64 = count_q.count().get_result(conn).await?;
        let rows: Vec<DbPartnership> = q
            .order((
                partnerships::founded_year.asc().nulls_last(),
                partnerships::id.asc(),
            ))
            .limit(limit)
            .offset(offset)
            .select(DbPartnership::as_select())
            .load(conn)
            .await?;
        Ok((Self::with_actors(conn, rows).await?, total))
    }

    /// Sets who proposes to whom, under which id (confirming an imported partnership).
    pub async fn reassign(
        conn: &mut AsyncPgConnection,
        id: i64,
        subject_id: i64,
        object_id: i64,
        ap_id: &str,
        offer_activity_id: Option<&str>,
    ) -> QueryResult<DbPartnership> {
        diesel::update(partnerships::table.find(id))
            .set((
                partnerships::subject_id.eq(subject_id),
                partnerships::object_id.eq(object_id),
                partnerships::ap_id.eq(ap_id),
                partnerships::offer_activity_id.eq(offer_activity_id),
                partnerships::updated_at.eq(diesel::dsl::now),
            ))
            .returning(DbPartnership::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn by_offer(
        conn: &mut AsyncPgConnection,
        offer_id: &str,
    ) -> QueryResult<Option<DbPartnership>> {
        partnerships::table
            .filter(partnerships::offer_activity_id.eq(offer_id))
            .select(DbPartnership::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Waiting for this side's answer: addressed to it, not confirmed, and proposed.
    pub fn awaits_answer_from(&self, actor_id: i64) -> bool {
        self.object_id == actor_id
            && !self.confirmed
            && (self.status == PartnershipStatus::Proposed || self.offer_activity_id.is_some())
            && !self.status.is_closed()
    }

    /// The status after the addressed side's answer: an accepted proposal becomes active, a
    /// declined one declined; an imported partnership keeps its status either way.
    pub fn status_after_answer(&self, accept: bool) -> PartnershipStatus {
        match (accept, self.status) {
            (true, PartnershipStatus::Proposed) => PartnershipStatus::Active,
            (false, _) if !self.imported => PartnershipStatus::Declined,
            (_, status) => status,
        }
    }

    /// Every partnership not declined (for statistics and exports).
    pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<PartnershipFull>> {
        let rows: Vec<DbPartnership> = partnerships::table
            .filter(partnerships::status.ne(PartnershipStatus::Declined))
            .order(partnerships::id.asc())
            .select(DbPartnership::as_select())
            .load(conn)
            .await?;
        Self::with_actors(conn, rows).await
    }
}
