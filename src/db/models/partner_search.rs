//! Partner search: what an organisation of ours says it is looking for (one row per
//! organisation, `partner_searches`), and the queries the suggestions and the "looking for
//! partners" list run: every candidate organisation in one query, partners of partners, and
//! the words and goals of a few organisations' latest posts.

use crate::db::schema::{actors, partner_searches, suspended_actors};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Int2, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = partner_searches)]
pub struct DbPartnerSearch {
    pub actor_id: i64,
    pub active: bool,
    pub purposes: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub languages: Vec<String>,
    pub population_min: Option<i64>,
    pub population_max: Option<i64>,
    pub partner_kinds: Vec<String>,
    pub description: String,
    pub listed: bool,
    pub suggested: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A checked partner search, as stored (see `partners::LookingInput::validate`).
#[derive(Debug, Clone, Default, PartialEq, Insertable, AsChangeset)]
#[diesel(table_name = partner_searches, treat_none_as_null = true)]
pub struct PartnerSearchData {
    pub active: bool,
    pub purposes: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub languages: Vec<String>,
    pub population_min: Option<i64>,
    pub population_max: Option<i64>,
    pub partner_kinds: Vec<String>,
    pub description: String,
    pub listed: bool,
    pub suggested: bool,
}

/// An organisation that may be suggested: its structured profile and whether it is looking.
#[derive(Debug, Clone, Queryable)]
pub struct CandidateRow {
    pub id: i64,
    pub ap_id: String,
    pub handle: String,
    pub domain: String,
    pub name: String,
    pub profile_url: Option<String>,
    pub org_kind: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub population: Option<i64>,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `Some(true)` when it says it is looking.
    pub looking: Option<bool>,
    pub purposes: Option<Vec<String>>,
}

/// Filters of the "looking for partners" list; `None` is any.
#[derive(Debug, Clone, Default)]
pub struct LookingFilter {
    pub purpose: Option<String>,
    /// The organisation's own country.
    pub country: Option<String>,
    /// Among the organisation's themes or those it looks for.
    pub theme: Option<String>,
    pub kind: Option<String>,
    /// Among its working languages or those it wishes.
    pub language: Option<String>,
}

/// A local organisation that is looking, with its profile.
#[derive(Debug, Clone)]
pub struct Looking {
    pub search: DbPartnerSearch,
    pub org: CandidateRow,
}

#[derive(QueryableByName)]
struct PartnerOfPartner {
    #[diesel(sql_type = BigInt)]
    candidate_id: i64,
    #[diesel(sql_type = Text)]
    partner_name: String,
}

#[derive(QueryableByName)]
struct PostWords {
    #[diesel(sql_type = BigInt)]
    actor_id: i64,
    #[diesel(sql_type = Array<Int2>)]
    sdgs: Vec<i16>,
    #[diesel(sql_type = Text)]
    title: String,
    #[diesel(sql_type = Text)]
    summary: String,
}

/// What an organisation's latest posts say: their texts and their goals.
#[derive(Debug, Clone, Default)]
pub struct PostTexts {
    pub texts: Vec<String>,
    pub sdgs: Vec<i16>,
}

/// How many of an organisation's latest posts its projects are read from.
pub const POSTS_READ: i64 = 20;

type CandidateColumns = (
    actors::id,
    actors::ap_id,
    actors::handle,
    actors::domain,
    actors::name,
    actors::profile_url,
    actors::org_kind,
    actors::country,
    actors::region,
    actors::population,
    actors::languages,
    actors::themes,
    actors::latitude,
    actors::longitude,
    diesel::dsl::Nullable<partner_searches::active>,
    diesel::dsl::Nullable<partner_searches::purposes>,
);

fn candidate_columns() -> CandidateColumns {
    (
        actors::id,
        actors::ap_id,
        actors::handle,
        actors::domain,
        actors::name,
        actors::profile_url,
        actors::org_kind,
        actors::country,
        actors::region,
        actors::population,
        actors::languages,
        actors::themes,
        actors::latitude,
        actors::longitude,
        partner_searches::active.nullable(),
        partner_searches::purposes.nullable(),
    )
}

impl DbPartnerSearch {
    pub async fn of_actor(
        conn: &mut AsyncPgConnection,
        actor_id: i64,
    ) -> QueryResult<Option<DbPartnerSearch>> {
        partner_searches::table
            .find(actor_id)
            .select(DbPartnerSearch::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Creates or replaces an organisation's partner search.
    pub async fn put(
        conn: &mut AsyncPgConnection,
        actor_id: i64,
        data: &PartnerSearchData,
    ) -> QueryResult<DbPartnerSearch> {
        diesel::insert_into(partner_searches::table)
            .values((partner_searches::actor_id.eq(actor_id), data))
            .on_conflict(partner_searches::actor_id)
            .do_update()
            .set((data, partner_searches::updated_at.eq(diesel::dsl::now)))
            .returning(DbPartnerSearch::as_returning())
            .get_result(conn)
            .await
    }

    /// Removes it; whether there was one.
    pub async fn remove(conn: &mut AsyncPgConnection, actor_id: i64) -> QueryResult<bool> {
        let n = diesel::delete(partner_searches::table.find(actor_id))
            .execute(conn)
            .await?;
        Ok(n > 0)
    }

    /// Every local organisation that may be suggested to others: discoverable, not deleted,
    /// not suspended, and not one whose partner search says "do not suggest me".
    pub async fn candidates(conn: &mut AsyncPgConnection) -> QueryResult<Vec<CandidateRow>> {
        actors::table
            .left_join(partner_searches::table)
            .filter(actors::local.eq(true))
            .filter(actors::actor_type.eq("Organization"))
            .filter(actors::deleted_at.is_null())
            .filter(actors::discoverable.eq(true))
            .filter(
                partner_searches::suggested
                    .nullable()
                    .is_null()
                    .or(partner_searches::suggested.nullable().eq(true)),
            )
            .filter(diesel::dsl::not(diesel::dsl::exists(
                suspended_actors::table.filter(suspended_actors::actor_id.eq(actors::id)),
            )))
            .select(candidate_columns())
            .load(conn)
            .await
    }

    /// Local organisations that are looking and want to be listed, newest first.
    pub async fn looking(
        conn: &mut AsyncPgConnection,
        f: &LookingFilter,
        limit: i64,
    ) -> QueryResult<Vec<Looking>> {
        let mut q = actors::table
            .inner_join(partner_searches::table)
            .filter(actors::local.eq(true))
            .filter(actors::actor_type.eq("Organization"))
            .filter(actors::deleted_at.is_null())
            .filter(partner_searches::active.eq(true))
            .filter(partner_searches::listed.eq(true))
            .filter(diesel::dsl::not(diesel::dsl::exists(
                suspended_actors::table.filter(suspended_actors::actor_id.eq(actors::id)),
            )))
            .into_boxed();
        if let Some(p) = &f.purpose {
            q = q.filter(partner_searches::purposes.contains(vec![p.clone()]));
        }
        if let Some(c) = &f.country {
            q = q.filter(actors::country.eq(c.clone()));
        }
        if let Some(t) = &f.theme {
            q = q.filter(
                partner_searches::themes
                    .contains(vec![t.clone()])
                    .or(actors::themes.contains(vec![t.clone()])),
            );
        }
        if let Some(k) = &f.kind {
            q = q.filter(actors::org_kind.eq(k.clone()));
        }
        if let Some(l) = &f.language {
            q = q.filter(
                partner_searches::languages
                    .contains(vec![l.clone()])
                    .or(actors::languages.contains(vec![l.clone()])),
            );
        }
        let rows: Vec<(DbPartnerSearch, CandidateRow)> = q
            .order((partner_searches::updated_at.desc(), actors::id.asc()))
            .limit(limit)
            .select((
                DbPartnerSearch::as_select(),
                (
                    actors::id,
                    actors::ap_id,
                    actors::handle,
                    actors::domain,
                    actors::name,
                    actors::profile_url,
                    actors::org_kind,
                    actors::country,
                    actors::region,
                    actors::population,
                    actors::languages,
                    actors::themes,
                    actors::latitude,
                    actors::longitude,
                    partner_searches::active.nullable(),
                    partner_searches::purposes.nullable(),
                ),
            ))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(search, org)| Looking { search, org })
            .collect())
    }

    /// For the partners named by id (`partner_ap_ids`), the local organisations they are in a
    /// live partnership with (proposed, active or dormant), with the partner's name: by
    /// candidate id.
    pub async fn partners_of_partners(
        conn: &mut AsyncPgConnection,
        partner_ap_ids: &[String],
    ) -> QueryResult<HashMap<i64, Vec<String>>> {
        if partner_ap_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let rows: Vec<PartnerOfPartner> = diesel::sql_query(
            "SELECT CASE WHEN p.subject_id = a.id THEN p.object_id ELSE p.subject_id END \
                 AS candidate_id, a.name AS partner_name \
             FROM actors a \
             JOIN partnerships p ON p.subject_id = a.id OR p.object_id = a.id \
             WHERE a.ap_id = ANY($1) AND p.status NOT IN ('declined', 'ended') \
             ORDER BY a.name",
        )
        .bind::<Array<Text>, _>(partner_ap_ids)
        .load(conn)
        .await?;
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        for r in rows {
            let names = out.entry(r.candidate_id).or_default();
            if !names.contains(&r.partner_name) {
                names.push(r.partner_name);
            }
        }
        Ok(out)
    }

    /// The titles and summaries (every language version) and goals of the latest
    /// [`POSTS_READ`] posts (not replies, not deleted) of each of these actors.
    pub async fn post_texts(
        conn: &mut AsyncPgConnection,
        actor_ids: &[i64],
    ) -> QueryResult<HashMap<i64, PostTexts>> {
        if actor_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let rows: Vec<PostWords> = diesel::sql_query(
            "SELECT x.actor_id, x.sdgs, t.title, t.summary \
             FROM unnest($1::bigint[]) AS a(id) \
             CROSS JOIN LATERAL ( \
                 SELECT p.id, p.actor_id, p.sdgs FROM posts p \
                 WHERE p.actor_id = a.id AND p.deleted_at IS NULL AND p.in_reply_to IS NULL \
                 ORDER BY p.published DESC LIMIT $2) x \
             JOIN post_translations t ON t.post_id = x.id",
        )
        .bind::<Array<BigInt>, _>(actor_ids)
        .bind::<BigInt, _>(POSTS_READ)
        .load(conn)
        .await?;
        let mut out: HashMap<i64, PostTexts> = HashMap::new();
        for r in rows {
            let e = out.entry(r.actor_id).or_default();
            e.texts.push(r.title);
            e.texts.push(r.summary);
            for g in r.sdgs {
                if !e.sdgs.contains(&g) {
                    e.sdgs.push(g);
                }
            }
        }
        Ok(out)
    }
}
