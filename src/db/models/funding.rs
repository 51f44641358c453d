//! Funding programmes: one row per programme, one per language version (name and
//! description), one per call for proposals. A programme belongs to the network whose
//! instance actor keeps it (`network_id`); our own are `local`, received ones are replaced
//! whole by their network's Update and removed by its Delete.

use crate::db::schema::{funding_calls, funding_programmes, funding_translations};
use crate::db::url::DbUrl;
use crate::vocab::text_column;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The unit of a programme's duration range: a youth exchange lasts days, a project months.
#[derive(
    utoipa::ToSchema,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    AsExpression,
    FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "lowercase")]
pub enum DurationUnit {
    Days,
    #[default]
    Months,
}

impl DurationUnit {
    pub const ALL: [DurationUnit; 2] = [DurationUnit::Days, DurationUnit::Months];

    pub fn code(self) -> &'static str {
        match self {
            DurationUnit::Days => "days",
            DurationUnit::Months => "months",
        }
    }

    pub fn parse(s: &str) -> Option<DurationUnit> {
        Self::ALL.into_iter().find(|u| u.code() == s)
    }
}

text_column!(DurationUnit, "duration unit");

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = funding_programmes)]
pub struct DbProgramme {
    pub id: i64,
    pub ap_id: DbUrl,
    pub network_id: i64,
    pub local: bool,
    pub funder: String,
    pub link: Option<String>,
    pub applicant_kinds: Vec<String>,
    pub countries: Vec<String>,
    pub required_countries: Vec<String>,
    pub min_partners: Option<i32>,
    pub min_countries: Option<i32>,
    pub min_eu_countries: Option<i32>,
    pub min_participants: Option<i32>,
    pub min_invited: Option<i32>,
    pub grant_min: Option<i64>,
    pub grant_max: Option<i64>,
    pub lump_sums: Vec<i64>,
    pub cofunding_rate: Option<i16>,
    pub duration_min: Option<i32>,
    pub duration_max: Option<i32>,
    pub duration_unit: DurationUnit,
    pub themes: Vec<String>,
    pub published: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = funding_translations)]
pub struct DbProgrammeText {
    pub programme_id: i64,
    pub language: String,
    pub name: String,
    pub description: String,
    pub position: i32,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = funding_calls)]
pub struct DbCall {
    pub id: i64,
    pub programme_id: i64,
    pub opens_on: Option<NaiveDate>,
    /// `None`: a rolling call (apply any time).
    pub deadline: Option<DateTime<Utc>>,
    pub label: String,
}

impl DbCall {
    /// Whether one may apply at `now`: opened (or no opening date) and the deadline not
    /// passed (or rolling).
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.opens_on.is_none_or(|d| d <= now.date_naive())
            && self.deadline.is_none_or(|d| d >= now)
    }
}

/// A programme with its language versions (main first) and calls (by deadline, rolling last).
#[derive(Debug, Clone)]
pub struct ProgrammeFull {
    pub programme: DbProgramme,
    pub texts: Vec<DbProgrammeText>,
    pub calls: Vec<DbCall>,
}

impl ProgrammeFull {
    /// The language version in `lang`, else the main one.
    pub fn text(&self, lang: &str) -> Option<&DbProgrammeText> {
        self.texts
            .iter()
            .find(|t| t.language == lang)
            .or(self.texts.as_slice().first())
    }

    /// The open call that closes first (a dated one before a rolling one).
    pub fn next_open_call(&self, now: DateTime<Utc>) -> Option<&DbCall> {
        self.calls.iter().find(|c| c.is_open(now))
    }
}

/// A language version as written.
#[derive(Debug, Clone, PartialEq)]
pub struct TextData {
    pub language: String,
    pub name: String,
    pub description: String,
}

/// A call as written.
#[derive(Debug, Clone, PartialEq)]
pub struct CallData {
    pub opens_on: Option<NaiveDate>,
    pub deadline: Option<DateTime<Utc>>,
    pub label: String,
}

/// Everything about a programme its editors set; checked (`funding::ProgrammeInput`) or
/// read from a peer (`federation::objects::funding`) before it gets here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgrammeData {
    pub funder: String,
    pub link: Option<String>,
    pub applicant_kinds: Vec<String>,
    pub countries: Vec<String>,
    pub required_countries: Vec<String>,
    pub min_partners: Option<i32>,
    pub min_countries: Option<i32>,
    pub min_eu_countries: Option<i32>,
    pub min_participants: Option<i32>,
    pub min_invited: Option<i32>,
    pub grant_min: Option<i64>,
    pub grant_max: Option<i64>,
    pub lump_sums: Vec<i64>,
    pub cofunding_rate: Option<i16>,
    pub duration_min: Option<i32>,
    pub duration_max: Option<i32>,
    pub duration_unit: DurationUnit,
    pub themes: Vec<String>,
    pub texts: Vec<TextData>,
    pub calls: Vec<CallData>,
}

#[derive(AsChangeset, Insertable)]
#[diesel(table_name = funding_programmes, treat_none_as_null = true)]
struct Row<'a> {
    funder: &'a str,
    link: Option<&'a str>,
    applicant_kinds: &'a [String],
    countries: &'a [String],
    required_countries: &'a [String],
    min_partners: Option<i32>,
    min_countries: Option<i32>,
    min_eu_countries: Option<i32>,
    min_participants: Option<i32>,
    min_invited: Option<i32>,
    grant_min: Option<i64>,
    grant_max: Option<i64>,
    lump_sums: &'a [i64],
    cofunding_rate: Option<i16>,
    duration_min: Option<i32>,
    duration_max: Option<i32>,
    duration_unit: DurationUnit,
    themes: &'a [String],
}

impl<'a> From<&'a ProgrammeData> for Row<'a> {
    fn from(d: &'a ProgrammeData) -> Self {
        Row {
            funder: &d.funder,
            link: d.link.as_deref(),
            applicant_kinds: &d.applicant_kinds,
            countries: &d.countries,
            required_countries: &d.required_countries,
            min_partners: d.min_partners,
            min_countries: d.min_countries,
            min_eu_countries: d.min_eu_countries,
            min_participants: d.min_participants,
            min_invited: d.min_invited,
            grant_min: d.grant_min,
            grant_max: d.grant_max,
            lump_sums: &d.lump_sums,
            cofunding_rate: d.cofunding_rate,
            duration_min: d.duration_min,
            duration_max: d.duration_max,
            duration_unit: d.duration_unit,
            themes: &d.themes,
        }
    }
}

impl DbProgramme {
    /// Inserts a programme with its language versions and calls, in one transaction.
    pub async fn create(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
        network_id: i64,
        local: bool,
        data: &ProgrammeData,
    ) -> QueryResult<ProgrammeFull> {
        conn.transaction(async |conn| {
            let row: DbProgramme = diesel::insert_into(funding_programmes::table)
                .values((
                    Row::from(data),
                    funding_programmes::ap_id.eq(ap_id),
                    funding_programmes::network_id.eq(network_id),
                    funding_programmes::local.eq(local),
                ))
                .returning(DbProgramme::as_returning())
                .get_result(conn)
                .await?;
            write_parts(conn, row.id, data).await?;
            Self::full(conn, row).await
        })
        .await
    }

    /// Replaces a programme's fields, language versions and calls, in one transaction.
    pub async fn replace(
        conn: &mut AsyncPgConnection,
        id: i64,
        data: &ProgrammeData,
    ) -> QueryResult<ProgrammeFull> {
        conn.transaction(async |conn| {
            let row: DbProgramme = diesel::update(funding_programmes::table.find(id))
                .set((
                    Row::from(data),
                    funding_programmes::updated.eq(diesel::dsl::now),
                ))
                .returning(DbProgramme::as_returning())
                .get_result(conn)
                .await?;
            diesel::delete(
                funding_translations::table.filter(funding_translations::programme_id.eq(id)),
            )
            .execute(conn)
            .await?;
            diesel::delete(funding_calls::table.filter(funding_calls::programme_id.eq(id)))
                .execute(conn)
                .await?;
            write_parts(conn, id, data).await?;
            Self::full(conn, row).await
        })
        .await
    }

    /// Removes a programme (its language versions and calls go with it).
    pub async fn delete(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<bool> {
        Ok(diesel::delete(funding_programmes::table.find(id))
            .execute(conn)
            .await?
            > 0)
    }

    pub async fn by_id(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<DbProgramme>> {
        funding_programmes::table
            .find(id)
            .select(DbProgramme::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_ap_id(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
    ) -> QueryResult<Option<DbProgramme>> {
        funding_programmes::table
            .filter(funding_programmes::ap_id.eq(ap_id))
            .select(DbProgramme::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Our own programmes' ids, oldest first (sent to a network that subscribes).
    pub async fn local_ids(conn: &mut AsyncPgConnection) -> QueryResult<Vec<i64>> {
        funding_programmes::table
            .filter(funding_programmes::local.eq(true))
            .order(funding_programmes::id.asc())
            .select(funding_programmes::id)
            .load(conn)
            .await
    }

    /// Whether an account edits for one of this network's own organisations of kind
    /// `network` (the network's office): those editors keep its funding directory.
    pub async fn edits_network(conn: &mut AsyncPgConnection, account_id: i64) -> QueryResult<bool> {
        use crate::db::schema::{actors, editors};
        diesel::select(diesel::dsl::exists(
            editors::table
                .inner_join(actors::table)
                .filter(editors::account_id.eq(account_id))
                .filter(actors::local.eq(true))
                .filter(actors::org_kind.eq("network")),
        ))
        .get_result(conn)
        .await
    }

    /// The hosts of the networks that keep these programmes, by the networks' actor ids.
    pub async fn network_hosts(
        conn: &mut AsyncPgConnection,
        programmes: &[ProgrammeFull],
    ) -> QueryResult<HashMap<i64, String>> {
        use crate::db::schema::actors;
        let mut ids: Vec<i64> = programmes.iter().map(|p| p.programme.network_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let rows: Vec<(i64, String)> = actors::table
            .filter(actors::id.eq_any(&ids))
            .select((actors::id, actors::domain))
            .load(conn)
            .await?;
        Ok(rows.into_iter().collect())
    }

    /// A programme with its parts.
    pub async fn full(
        conn: &mut AsyncPgConnection,
        programme: DbProgramme,
    ) -> QueryResult<ProgrammeFull> {
        let mut all = Self::attach(conn, vec![programme]).await?;
        all.pop().ok_or(diesel::result::Error::NotFound)
    }

    /// Every programme with its parts. The directory holds tens to hundreds of programmes:
    /// filters and the order of the pages are applied to it in memory
    /// (`funding::Filter`), three queries in all.
    pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<ProgrammeFull>> {
        let rows: Vec<DbProgramme> = funding_programmes::table
            .order(funding_programmes::id.asc())
            .select(DbProgramme::as_select())
            .load(conn)
            .await?;
        Self::attach(conn, rows).await
    }

    async fn attach(
        conn: &mut AsyncPgConnection,
        rows: Vec<DbProgramme>,
    ) -> QueryResult<Vec<ProgrammeFull>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let texts: Vec<DbProgrammeText> = funding_translations::table
            .filter(funding_translations::programme_id.eq_any(&ids))
            .order((
                funding_translations::programme_id,
                funding_translations::position,
            ))
            .select(DbProgrammeText::as_select())
            .load(conn)
            .await?;
        // Dated deadlines first, soonest first; rolling calls (no deadline) after them.
        let calls: Vec<DbCall> = funding_calls::table
            .filter(funding_calls::programme_id.eq_any(&ids))
            .order((
                funding_calls::programme_id,
                funding_calls::deadline.asc().nulls_last(),
                funding_calls::id,
            ))
            .select(DbCall::as_select())
            .load(conn)
            .await?;
        let mut texts_of: HashMap<i64, Vec<DbProgrammeText>> = HashMap::new();
        for t in texts {
            texts_of.entry(t.programme_id).or_default().push(t);
        }
        let mut calls_of: HashMap<i64, Vec<DbCall>> = HashMap::new();
        for c in calls {
            calls_of.entry(c.programme_id).or_default().push(c);
        }
        Ok(rows
            .into_iter()
            .map(|programme| ProgrammeFull {
                texts: texts_of.remove(&programme.id).unwrap_or_default(),
                calls: calls_of.remove(&programme.id).unwrap_or_default(),
                programme,
            })
            .collect())
    }
}

async fn write_parts(
    conn: &mut AsyncPgConnection,
    id: i64,
    data: &ProgrammeData,
) -> QueryResult<()> {
    let texts: Vec<DbProgrammeText> = data
        .texts
        .iter()
        .zip(0..)
        .map(|(t, position)| DbProgrammeText {
            programme_id: id,
            language: t.language.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
            position,
        })
        .collect();
    diesel::insert_into(funding_translations::table)
        .values(&texts)
        .execute(conn)
        .await?;
    if !data.calls.is_empty() {
        let calls: Vec<_> = data
            .calls
            .iter()
            .map(|c| {
                (
                    funding_calls::programme_id.eq(id),
                    funding_calls::opens_on.eq(c.opens_on),
                    funding_calls::deadline.eq(c.deadline),
                    funding_calls::label.eq(&c.label),
                )
            })
            .collect();
        diesel::insert_into(funding_calls::table)
            .values(&calls)
            .execute(conn)
            .await?;
    }
    Ok(())
}
