//! Which funding programmes fit a planned project or partnership, and for each that does
//! not, which of its rules fail and why, in words a visitor reads in their language.
//!
//! A plan names its organisations (the applicant first: kind and country), how many people
//! take part directly and how many of them are invited from abroad, and how long it lasts.
//! Each programme's rules are checked one by one, in this order:
//!
//! 1. **Applicant kind**: the applicant (the first organisation) is of a kind the programme
//!    accepts. Partners may be of any kind: funders name who *applies*.
//! 2. **Eligible countries**: every organisation is in one of the programme's countries.
//! 3. **Required countries**: each country the programme requires (a Franco-German fund:
//!    Germany and France) is represented.
//! 4. **Partners**: at least so many organisations, applicant included.
//! 5. **Countries**: organisations from at least so many different countries.
//! 6. **EU countries**: of those, at least so many member states of the European Union.
//! 7. **Participants** and 8. **invited from abroad**: at least so many.
//! 9. **Duration**: within the programme's range. A month is 365.25 / 12 days, rounded to
//!    whole days, so that a plan in days is compared with a range in months and back.
//!
//! A rule the programme does not set is not checked. A count the plan leaves out (no
//! participants given) fails the rule that needs it, saying so; a duration left out is not
//! checked, since many plans have none yet. Every failure is listed, not only the first:
//! the visitor sees all that is missing at once.

use super::countries;
use crate::db::models::funding::{DbProgramme, DurationUnit};
use crate::error::AppError;
use crate::vocab::{Lang, OrgKind};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};

/// One organisation of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedOrg {
    pub kind: OrgKind,
    /// A normalised country code (`countries::normalise`).
    pub country: String,
}

/// A planned project or partnership, checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// The applicant first.
    pub organisations: Vec<PlannedOrg>,
    pub participants: Option<u32>,
    pub invited_from_abroad: Option<u32>,
    pub duration: Option<(u32, DurationUnit)>,
}

/// A rule of a programme that a plan does not meet.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Failure {
    /// The applicant's kind is not among those that may apply.
    ApplicantKind {
        kind: String,
        allowed: Vec<String>,
    },
    /// An organisation is in a country the programme does not take.
    CountryNotEligible {
        country: String,
    },
    /// A country the programme requires has no organisation in the plan.
    CountryMissing {
        country: String,
    },
    TooFewPartners {
        min: u32,
        have: u32,
    },
    TooFewCountries {
        min: u32,
        have: u32,
    },
    TooFewEuCountries {
        min: u32,
        have: u32,
    },
    /// `have: None`: the plan does not say.
    TooFewParticipants {
        min: u32,
        have: Option<u32>,
    },
    TooFewInvited {
        min: u32,
        have: Option<u32>,
    },
    TooShort {
        min: u32,
        unit: DurationUnit,
    },
    TooLong {
        max: u32,
        unit: DurationUnit,
    },
}

/// Days in a duration, a month counted as 365.25 / 12 days.
pub fn in_days(value: u32, unit: DurationUnit) -> u32 {
    match unit {
        DurationUnit::Days => value,
        DurationUnit::Months => (f64::from(value) * 365.25 / 12.0).round() as u32,
    }
}

fn positive(v: Option<i32>) -> Option<u32> {
    v.and_then(|n| u32::try_from(n).ok()).filter(|n| *n > 0)
}

/// Every rule of `programme` that `plan` fails, in the order of the module's list; empty
/// when the plan fits.
pub fn check(programme: &DbProgramme, plan: &Plan) -> Vec<Failure> {
    let mut failures = Vec::new();
    let p = programme;
    if let Some(applicant) = plan.organisations.first()
        && !p.applicant_kinds.is_empty()
        && !p.applicant_kinds.iter().any(|k| k == applicant.kind.code())
    {
        failures.push(Failure::ApplicantKind {
            kind: applicant.kind.code().to_string(),
            allowed: p.applicant_kinds.clone(),
        });
    }
    let mut seen: Vec<&str> = Vec::new();
    for o in &plan.organisations {
        if !seen.contains(&o.country.as_str()) {
            seen.push(&o.country);
        }
    }
    if !p.countries.is_empty() {
        for c in &seen {
            if !p.countries.iter().any(|e| e == c) {
                failures.push(Failure::CountryNotEligible {
                    country: c.to_string(),
                });
            }
        }
    }
    for c in &p.required_countries {
        if !seen.contains(&c.as_str()) {
            failures.push(Failure::CountryMissing { country: c.clone() });
        }
    }
    let have = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    if let Some(min) = positive(p.min_partners)
        && have(plan.organisations.len()) < min
    {
        failures.push(Failure::TooFewPartners {
            min,
            have: have(plan.organisations.len()),
        });
    }
    // Only countries the programme takes count towards its country rules.
    let counted: Vec<&&str> = seen
        .iter()
        .filter(|c| p.countries.is_empty() || p.countries.iter().any(|e| e == **c))
        .collect();
    if let Some(min) = positive(p.min_countries)
        && have(counted.len()) < min
    {
        failures.push(Failure::TooFewCountries {
            min,
            have: have(counted.len()),
        });
    }
    let eu = have(counted.iter().filter(|c| countries::is_eu(c)).count());
    if let Some(min) = positive(p.min_eu_countries)
        && eu < min
    {
        failures.push(Failure::TooFewEuCountries { min, have: eu });
    }
    if let Some(min) = positive(p.min_participants)
        && plan.participants.is_none_or(|n| n < min)
    {
        failures.push(Failure::TooFewParticipants {
            min,
            have: plan.participants,
        });
    }
    if let Some(min) = positive(p.min_invited)
        && plan.invited_from_abroad.is_none_or(|n| n < min)
    {
        failures.push(Failure::TooFewInvited {
            min,
            have: plan.invited_from_abroad,
        });
    }
    if let Some((value, unit)) = plan.duration {
        let days = in_days(value, unit);
        let unit_of = p.duration_unit;
        if let Some(min) = positive(p.duration_min)
            && days < in_days(min, unit_of)
        {
            failures.push(Failure::TooShort { min, unit: unit_of });
        }
        if let Some(max) = positive(p.duration_max)
            && days > in_days(max, unit_of)
        {
            failures.push(Failure::TooLong { max, unit: unit_of });
        }
    }
    failures
}

fn fmt(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        // Counts go in as numbers, so that plural forms are chosen.
        match v.parse::<i64>() {
            Ok(n) => a.set(*k, n),
            Err(_) => a.set(*k, v.clone()),
        }
    }
    crate::locale::format(lang, id, &a).unwrap_or_else(|| id.to_string())
}

/// A duration unit's word, after a number, in `lang`.
pub fn unit_words(n: u32, unit: DurationUnit, lang: Lang) -> String {
    let id = match unit {
        DurationUnit::Days => "fund-days",
        DurationUnit::Months => "fund-months",
    };
    fmt(lang, id, &[("n", n.to_string())])
}

/// An organisation kind's name in `lang` (the code itself if unknown).
fn kind_label(code: &str, lang: Lang) -> String {
    code.parse::<OrgKind>()
        .map(|k| k.label(lang).to_string())
        .unwrap_or_else(|_| code.to_string())
}

impl Failure {
    /// Why the plan does not fit, in `lang`: "needs a partner from a second EU country".
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            Failure::ApplicantKind { kind, allowed } => fmt(
                lang,
                "fund-fail-applicant-kind",
                &[
                    ("kind", kind_label(kind, lang)),
                    (
                        "allowed",
                        allowed
                            .iter()
                            .map(|k| kind_label(k, lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ],
            ),
            Failure::CountryNotEligible { country } => {
                fmt(lang, "fund-fail-country", &[("country", country.clone())])
            }
            Failure::CountryMissing { country } => fmt(
                lang,
                "fund-fail-country-missing",
                &[("country", country.clone())],
            ),
            Failure::TooFewPartners { min, have } => fmt(
                lang,
                "fund-fail-partners",
                &[("min", min.to_string()), ("have", have.to_string())],
            ),
            Failure::TooFewCountries { min, have } => fmt(
                lang,
                "fund-fail-countries",
                &[("min", min.to_string()), ("have", have.to_string())],
            ),
            Failure::TooFewEuCountries { min, have } => fmt(
                lang,
                "fund-fail-eu-countries",
                &[
                    ("min", min.to_string()),
                    ("have", have.to_string()),
                    ("next", (have + 1).to_string()),
                ],
            ),
            Failure::TooFewParticipants { min, have } => match have {
                Some(h) => fmt(
                    lang,
                    "fund-fail-participants",
                    &[("min", min.to_string()), ("have", h.to_string())],
                ),
                None => fmt(
                    lang,
                    "fund-fail-participants-unknown",
                    &[("min", min.to_string())],
                ),
            },
            Failure::TooFewInvited { min, have } => match have {
                Some(h) => fmt(
                    lang,
                    "fund-fail-invited",
                    &[("min", min.to_string()), ("have", h.to_string())],
                ),
                None => fmt(
                    lang,
                    "fund-fail-invited-unknown",
                    &[("min", min.to_string())],
                ),
            },
            Failure::TooShort { min, unit } => fmt(
                lang,
                "fund-fail-too-short",
                &[("duration", unit_words(*min, *unit, lang))],
            ),
            Failure::TooLong { max, unit } => fmt(
                lang,
                "fund-fail-too-long",
                &[("duration", unit_words(*max, *unit, lang))],
            ),
        }
    }
}

/// One organisation as a plan is sent.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgInput {
    pub kind: String,
    pub country: String,
}

/// A plan as the API's body (and the page's form, read into it) gives it.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    #[serde(default)]
    pub organisations: Vec<OrgInput>,
    #[serde(default)]
    pub participants: Option<i64>,
    #[serde(default)]
    pub invited_from_abroad: Option<i64>,
    #[serde(default)]
    pub duration: Option<i64>,
    #[serde(default)]
    pub duration_unit: Option<String>,
}

/// The most organisations a plan may name.
pub const PLAN_ORGS_MAX: usize = 100;

fn small_count(v: Option<i64>, field: &str) -> Result<Option<u32>, AppError> {
    match v {
        None => Ok(None),
        Some(n) if n < 0 => {
            Err(AppError::invalid(field, "must not be negative")
                .localized("fund-check-negative", &[]))
        }
        Some(n) => u32::try_from(n).map(Some).map_err(|_| {
            AppError::invalid(field, "is too large").localized("fund-check-too-large", &[])
        }),
    }
}

impl PlanInput {
    /// The plan, or a 422 naming the field at fault.
    pub fn validate(&self) -> Result<Plan, AppError> {
        if self.organisations.is_empty() {
            return Err(AppError::invalid(
                "organisations",
                "name at least the applicant: its kind and country",
            )
            .localized("fund-plan-applicant", &[]));
        }
        if self.organisations.len() > PLAN_ORGS_MAX {
            return Err(AppError::invalid(
                "organisations",
                format!("at most {PLAN_ORGS_MAX} organisations"),
            )
            .localized("fund-check-at-most", &[("max", PLAN_ORGS_MAX.to_string())]));
        }
        let mut organisations = Vec::with_capacity(self.organisations.len());
        for (i, o) in self.organisations.iter().enumerate() {
            let kind: OrgKind = o.kind.trim().parse().map_err(|e: String| {
                AppError::invalid(format!("organisations[{i}].kind"), e)
                    .localized("check-kind", &[("kind", o.kind.trim().to_string())])
            })?;
            let country = countries::normalise(&o.country).ok_or_else(|| {
                AppError::invalid(
                    format!("organisations[{i}].country"),
                    format!(
                        "unknown country `{}`: use a two-letter ISO code such as DE or FR",
                        o.country
                    ),
                )
                .localized("check-country", &[("code", o.country.trim().to_string())])
            })?;
            organisations.push(PlannedOrg { kind, country });
        }
        let participants = small_count(self.participants, "participants")?;
        let invited_from_abroad = small_count(self.invited_from_abroad, "invited_from_abroad")?;
        if let (Some(i), Some(p)) = (invited_from_abroad, participants)
            && i > p
        {
            return Err(AppError::invalid(
                "invited_from_abroad",
                "more than the participants in all",
            )
            .localized("fund-check-invited", &[]));
        }
        let unit = match self.duration_unit.as_deref().map(str::trim) {
            None | Some("") => DurationUnit::Months,
            Some(u) => DurationUnit::parse(u).ok_or_else(|| {
                AppError::invalid("duration_unit", "`days` or `months`")
                    .localized("fund-plan-unit", &[])
            })?,
        };
        let duration = small_count(self.duration, "duration")?.map(|d| (d, unit));
        Ok(Plan {
            organisations,
            participants,
            invited_from_abroad,
            duration,
        })
    }
}

#[cfg(test)]
#[path = "eligibility_tests.rs"]
mod tests;
