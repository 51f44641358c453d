//! Partnerships between municipalities, confirmed by both sides across networks: the
//! handshake's local side (propose, answer, change), views, statistics, and open data
//! (export and import).

pub mod export;
pub mod import;
pub mod stats;

use crate::db::models::actor::DbActor;
use crate::db::models::partnership::{DbPartnership, NewPartnership, PartnershipFull};
use crate::error::AppError;
use crate::federation::activities::{new_id, partnership as wire};
use crate::state::AppState;
use crate::vocab::{PartnershipKind, PartnershipStatus};
use chrono::{Datelike, NaiveDate};
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A proposal, as an editor makes it.
#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The partner: `@handle@host`, a local handle or an actor URL.
    pub partner: String,
    pub kind: PartnershipKind,
    pub founded_year: Option<i32>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    /// Short description per language.
    #[serde(default)]
    pub description: BTreeMap<String, String>,
}

/// A change by either side.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = PartnershipChange)]
pub struct Change {
    /// `active`, `dormant` or `ended`.
    pub status: Option<PartnershipStatus>,
    pub ended_on: Option<NaiveDate>,
    pub description: Option<BTreeMap<String, String>>,
    pub languages: Option<Vec<String>>,
    pub themes: Option<Vec<String>>,
}

fn check_details(
    year: Option<i32>,
    languages: &[String],
    themes: &[String],
    description: &BTreeMap<String, String>,
) -> Result<(), AppError> {
    let this_year = chrono::Utc::now().year();
    if year.is_some_and(|y| !(1800..=this_year).contains(&y)) {
        return Err(
            AppError::invalid("founded_year", format!("a year from 1800 to {this_year}"))
                .localized("partnership-check-year", &[("year", this_year.to_string())]),
        );
    }
    for (i, l) in languages.iter().enumerate() {
        if !crate::orgs::is_language_code(l) {
            return Err(AppError::invalid(
                format!("languages[{i}]"),
                "a two-letter language code",
            ));
        }
    }
    for (i, t) in themes.iter().enumerate() {
        if crate::vocab::theme(t).is_none() {
            return Err(
                AppError::invalid(format!("themes[{i}]"), format!("unknown theme `{t}`"))
                    .localized("check-theme", &[("theme", t.clone())]),
            );
        }
    }
    for (l, d) in description {
        if !crate::orgs::is_language_code(l) {
            return Err(AppError::invalid(
                format!("description.{l}"),
                "a two-letter language code",
            ));
        }
        if d.chars().count() > 2000 {
            return Err(
                AppError::invalid(format!("description.{l}"), "at most 2000 characters")
                    .localized("check-too-long", &[("max", "2000".into())]),
            );
        }
    }
    Ok(())
}

fn description_json(d: &BTreeMap<String, String>) -> Value {
    Value::Object(
        d.iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(l, t)| (l.clone(), Value::String(t.trim().into())))
            .collect::<Map<_, _>>(),
    )
}

/// Proposes a partnership from a local organisation to `partner` (local or remote).
pub async fn propose(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    subject: &DbActor,
    partner: &DbActor,
    p: &Proposal,
) -> Result<PartnershipFull, AppError> {
    if subject.id == partner.id {
        return Err(
            AppError::invalid("partner", "an organisation cannot partner with itself")
                .localized("partnership-check-self", &[]),
        );
    }
    if !partner.is_organisation() {
        return Err(
            AppError::invalid("partner", "partnerships are between organisations")
                .localized("partnership-check-not-org", &[]),
        );
    }
    check_details(p.founded_year, &p.languages, &p.themes, &p.description)?;
    let offer_id = (!partner.local).then(|| new_id(state, "offer"));
    let row = match DbPartnership::live_between(conn, subject.id, partner.id, p.kind).await? {
        // An imported, unconfirmed one: this proposal asks the partner to confirm it.
        Some(existing)
            if !existing.confirmed
                && existing.status != PartnershipStatus::Proposed
                && existing.offer_activity_id.is_none() =>
        {
            let ap_id = if existing.ap_id.starts_with(state.urls.base()) {
                existing.ap_id.clone()
            } else {
                format!(
                    "{}/partnerships/{}",
                    state.urls.base(),
                    uuid::Uuid::new_v4().simple()
                )
            };
            // A local partner has no Offer activity; "local" marks the request as awaiting its answer.
            DbPartnership::reassign(
                conn,
                existing.id,
                subject.id,
                partner.id,
                &ap_id,
                Some(offer_id.as_deref().unwrap_or("local")),
            )
            .await?;
            DbPartnership::set_details(
                conn,
                existing.id,
                &description_json(&p.description),
                &p.languages,
                &p.themes,
                p.founded_year.or(existing.founded_year),
            )
            .await?
        }
        Some(_) => {
            return Err(AppError::conflict(
                "these organisations already have this partnership, or a proposal for it",
            )
            .localized("partnership-check-exists", &[]));
        }
        None => {
            DbPartnership::insert(
                conn,
                &NewPartnership {
                    ap_id: format!(
                        "{}/partnerships/{}",
                        state.urls.base(),
                        uuid::Uuid::new_v4().simple()
                    ),
                    subject_id: subject.id,
                    object_id: partner.id,
                    kind: p.kind,
                    founded_year: p.founded_year,
                    status: PartnershipStatus::Proposed,
                    ended_on: None,
                    confirmed: false,
                    imported: false,
                    languages: p.languages.clone(),
                    themes: p.themes.clone(),
                    description: description_json(&p.description),
                    offer_activity_id: offer_id,
                },
            )
            .await?
        }
    };
    let full = PartnershipFull {
        partnership: row,
        subject: subject.clone(),
        object: partner.clone(),
    };
    wire::offer(conn, state, &full).await?;
    Ok(full)
}

/// The addressed side (`answering`) accepts or declines, in the caller's transaction; the
/// proposer cannot answer its own proposal. The row is locked first, so that of two answers
/// at once the second finds it answered (409).
pub async fn answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    p: &PartnershipFull,
    answering: i64,
    accept: bool,
) -> Result<PartnershipFull, AppError> {
    if answering != p.object.id {
        return Err(
            AppError::forbidden("only the addressed side may accept or decline")
                .localized("partnership-answer-not-yours", &[]),
        );
    }
    let row = DbPartnership::lock(conn, p.partnership.id)
        .await?
        .ok_or_else(|| AppError::not_found("no such partnership"))?;
    if !row.awaits_answer_from(p.object.id) {
        return Err(AppError::conflict("this partnership waits for no answer")
            .localized("partnership-answered-already", &[]));
    }
    let row = &row;
    let status = row.status_after_answer(accept);
    let updated = DbPartnership::set_status(conn, row.id, status, accept, row.ended_on).await?;
    let full = PartnershipFull {
        partnership: updated,
        subject: p.subject.clone(),
        object: p.object.clone(),
    };
    wire::answer(conn, state, &full, accept).await?;
    if !accept && full.partnership.imported {
        // Declined confirmation of an imported partnership: it stays as it was, and no
        // longer waits for an answer (the answer sent named the Offer first).
        DbPartnership::clear_offer(conn, full.partnership.id).await?;
    }
    Ok(full)
}

/// A side marks the partnership dormant, active again or ended, or edits its details.
pub async fn change(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    p: &PartnershipFull,
    acting: &DbActor,
    c: &Change,
) -> Result<PartnershipFull, AppError> {
    let row = &p.partnership;
    if row.status.is_closed() {
        return Err(AppError::conflict(format!(
            "this partnership is {}",
            row.status
        )));
    }
    let status = c.status.unwrap_or(row.status);
    if !PartnershipStatus::CHANGEABLE_TO.contains(&status)
        || (row.status == PartnershipStatus::Proposed
            && status != PartnershipStatus::Ended
            && c.status.is_some())
    {
        return Err(AppError::invalid(
            "status",
            "active, dormant or ended (a proposal becomes active only when accepted)",
        ));
    }
    let ended_on = if status == PartnershipStatus::Ended {
        Some(
            c.ended_on
                .unwrap_or_else(|| chrono::Utc::now().date_naive()),
        )
    } else {
        None
    };
    if let (Some(e), Some(y)) = (ended_on, row.founded_year)
        && e.year() < y
    {
        return Err(AppError::invalid(
            "ended_on",
            "before the partnership was founded",
        ));
    }
    let description = c.description.clone().unwrap_or_default();
    let languages = c.languages.clone().unwrap_or_else(|| row.languages.clone());
    let themes = c.themes.clone().unwrap_or_else(|| row.themes.clone());
    check_details(None, &languages, &themes, &description)?;
    DbPartnership::set_status(conn, row.id, status, row.confirmed, ended_on).await?;
    let desc = if c.description.is_some() {
        description_json(&description)
    } else {
        row.description.clone()
    };
    let updated =
        DbPartnership::set_details(conn, row.id, &desc, &languages, &themes, row.founded_year)
            .await?;
    let full = PartnershipFull {
        partnership: updated,
        subject: p.subject.clone(),
        object: p.object.clone(),
    };
    wire::update(conn, state, &full, acting).await?;
    Ok(full)
}

/// A partnership as the API and pages show it, from one side's point of view.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Partnership)]
pub struct PartnershipView {
    pub id: i64,
    pub ap_id: String,
    pub kind: PartnershipKind,
    pub founded_year: Option<i32>,
    pub status: PartnershipStatus,
    pub ended_on: Option<NaiveDate>,
    /// Confirmed by both sides; imported or never accepted ones are not.
    pub confirmed: bool,
    pub imported: bool,
    pub subject: Side,
    pub object: Side,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub description: Value,
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = PartnershipSide)]
pub struct Side {
    pub id: String,
    pub name: String,
    pub handle: String,
    /// The network (instance) the organisation is on.
    pub network: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub official_code: Option<String>,
}

impl From<&DbActor> for Side {
    fn from(a: &DbActor) -> Self {
        Side {
            id: a.ap_id.to_string(),
            name: a.name.clone(),
            handle: format!("@{}@{}", a.handle, a.domain),
            network: a.domain.clone(),
            country: a.country.clone(),
            region: a.region.clone(),
            official_code: a.official_code.clone(),
        }
    }
}

impl From<&PartnershipFull> for PartnershipView {
    fn from(p: &PartnershipFull) -> Self {
        let r = &p.partnership;
        PartnershipView {
            id: r.id,
            ap_id: r.ap_id.clone(),
            kind: r.kind,
            founded_year: r.founded_year,
            status: r.status,
            ended_on: r.ended_on,
            confirmed: r.confirmed,
            imported: r.imported,
            subject: Side::from(&p.subject),
            object: Side::from(&p.object),
            languages: r.languages.clone(),
            themes: r.themes.clone(),
            description: r.description.clone(),
        }
    }
}
