//! Funding programmes as editors write them: [`ProgrammeInput`] (the API's body, the
//! editors' form, the demo's seed) checked into the row's data, every refusal a 422 naming
//! the field; and [`Filter`], the directory's filters and order (open calls first, by
//! deadline). Which programmes fit a planned project is [`eligibility`].

pub mod countries;
pub mod eligibility;

use crate::db::models::funding::{CallData, DurationUnit, ProgrammeData, ProgrammeFull, TextData};
use crate::error::AppError;
use crate::vocab::{Lang, OrgKind};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Longest name of a programme, in characters.
pub const NAME_MAX: usize = 200;
/// Longest description, in characters.
pub const DESCRIPTION_MAX: usize = 10_000;
/// Most calls a programme lists.
pub const CALLS_MAX: usize = 50;
/// The largest count, amount or duration a rule may name: beyond it is a typing error.
const NUMBER_MAX: i64 = 1_000_000_000;

/// A language version of a programme.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextInput {
    pub language: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// A call for proposals: opening date, deadline (a date and time with its offset, or a
/// date, which means the end of that day in Brussels), or none for a rolling call.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallInput {
    #[serde(default)]
    pub opens_on: Option<String>,
    #[serde(default)]
    pub deadline: Option<String>,
    #[serde(default)]
    pub label: String,
}

/// A programme as an editor sends it. Numbers are read signed so that a negative one is
/// refused with its field named rather than as unreadable JSON.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeInput {
    #[serde(default)]
    pub translations: Vec<TextInput>,
    #[serde(default)]
    pub funder: String,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub applicant_kinds: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub required_countries: Vec<String>,
    #[serde(default)]
    pub min_partners: Option<i64>,
    #[serde(default)]
    pub min_countries: Option<i64>,
    #[serde(default)]
    pub min_eu_countries: Option<i64>,
    #[serde(default)]
    pub min_participants: Option<i64>,
    #[serde(default)]
    pub min_invited: Option<i64>,
    #[serde(default)]
    pub grant_min: Option<i64>,
    #[serde(default)]
    pub grant_max: Option<i64>,
    #[serde(default)]
    pub lump_sums: Vec<i64>,
    #[serde(default)]
    pub cofunding_rate: Option<i64>,
    #[serde(default)]
    pub duration_min: Option<i64>,
    #[serde(default)]
    pub duration_max: Option<i64>,
    #[serde(default)]
    pub duration_unit: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub calls: Vec<CallInput>,
}

/// Whether an account keeps this network's funding directory: the network's admins and the
/// editors of its own organisation of kind `network` (the API, the editors' pages).
pub async fn keeps_directory(
    conn: &mut diesel_async::AsyncPgConnection,
    account: &crate::db::models::account::Account,
) -> diesel::QueryResult<bool> {
    Ok(account.is_admin
        || crate::db::models::funding::DbProgramme::edits_network(conn, account.id).await?)
}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> AppError {
    AppError::invalid(field, message)
}

/// A whole number that must not be negative nor absurdly large.
fn count<T: TryFrom<i64>>(v: Option<i64>, field: &str) -> Result<Option<T>, AppError> {
    let Some(n) = v else { return Ok(None) };
    if n < 0 {
        return Err(invalid(field, "must not be negative").localized("fund-check-negative", &[]));
    }
    if n > NUMBER_MAX {
        return Err(invalid(field, format!("at most {NUMBER_MAX}"))
            .localized("fund-check-at-most", &[("max", NUMBER_MAX.to_string())]));
    }
    T::try_from(n)
        .map(Some)
        .map_err(|_| invalid(field, "is too large").localized("fund-check-too-large", &[]))
}

/// A list of country codes, normalised; an unknown one is refused with its position.
fn country_list(codes: &[String], field: &str) -> Result<Vec<String>, AppError> {
    let mut out: Vec<String> = Vec::with_capacity(codes.len());
    for (i, c) in codes.iter().enumerate() {
        let code = countries::normalise(c).ok_or_else(|| {
            invalid(
                format!("{field}[{i}]"),
                format!("unknown country `{c}`: use a two-letter ISO code such as DE or FR"),
            )
            .localized("check-country", &[("code", c.trim().to_string())])
        })?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    Ok(out)
}

/// A text trimmed, within `max` characters.
fn text(s: &str, field: &str, max: usize) -> Result<String, AppError> {
    let s = s.trim();
    if s.chars().count() > max {
        return Err(invalid(field, format!("at most {max} characters"))
            .localized("check-too-long", &[("max", max.to_string())]));
    }
    Ok(s.to_string())
}

/// A deadline: RFC 3339, or a date meaning the end of that day in Brussels.
pub fn parse_deadline(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let end = day.and_time(NaiveTime::from_hms_opt(23, 59, 59)?);
    chrono_tz::Europe::Brussels
        .from_local_datetime(&end)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

impl ProgrammeInput {
    /// Checks everything and returns what is stored, or a 422 naming the first field at
    /// fault.
    pub fn validate(&self) -> Result<ProgrammeData, AppError> {
        let texts = self.texts()?;
        let funder = text(&self.funder, "funder", 300)?;
        if funder.is_empty() {
            return Err(invalid("funder", "say who gives the money"));
        }
        let link = match self
            .link
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            None => None,
            Some(l) => Some(web_link(l).ok_or_else(|| {
                invalid("link", "an address that starts with http:// or https://")
                    .localized("fund-check-link", &[])
            })?),
        };
        let mut applicant_kinds = Vec::new();
        for (i, k) in self.applicant_kinds.iter().enumerate() {
            let kind: OrgKind = k
                .parse()
                .map_err(|e: String| invalid(format!("applicant_kinds[{i}]"), e))?;
            let code = kind.code().to_string();
            if !applicant_kinds.contains(&code) {
                applicant_kinds.push(code);
            }
        }
        let countries = country_list(&self.countries, "countries")?;
        let required_countries = country_list(&self.required_countries, "required_countries")?;
        if let Some(c) = required_countries
            .iter()
            .find(|c| !countries.is_empty() && !countries.contains(c))
        {
            return Err(invalid(
                "required_countries",
                format!("{c} is required but not among the eligible countries"),
            )
            .localized("fund-check-required-country", &[("code", c.clone())]));
        }
        let min_partners = count(self.min_partners, "min_partners")?;
        let min_countries = count(self.min_countries, "min_countries")?;
        let min_eu_countries = count(self.min_eu_countries, "min_eu_countries")?;
        if let (Some(eu), Some(all)) = (min_eu_countries, min_countries)
            && eu > all
        {
            return Err(invalid(
                "min_eu_countries",
                "more EU countries than countries in all",
            )
            .localized("fund-check-eu-countries", &[]));
        }
        let min_participants = count(self.min_participants, "min_participants")?;
        let min_invited = count(self.min_invited, "min_invited")?;
        if let (Some(invited), Some(all)) = (min_invited, min_participants)
            && invited > all
        {
            return Err(invalid(
                "min_invited",
                "more invited participants than participants in all",
            )
            .localized("fund-check-invited", &[]));
        }
        let grant_min = count(self.grant_min, "grant_min")?;
        let grant_max = count(self.grant_max, "grant_max")?;
        if let (Some(lo), Some(hi)) = (grant_min, grant_max)
            && hi < lo
        {
            return Err(invalid("grant_max", "below the smallest grant")
                .localized("fund-check-grant-max", &[]));
        }
        let mut lump_sums = Vec::new();
        for (i, s) in self.lump_sums.iter().enumerate() {
            let s: i64 = count(Some(*s), &format!("lump_sums[{i}]"))?.unwrap_or_default();
            if s == 0 {
                return Err(invalid(format!("lump_sums[{i}]"), "a lump sum above zero")
                    .localized("fund-check-lump-sum", &[]));
            }
            lump_sums.push(s);
        }
        lump_sums.sort_unstable();
        lump_sums.dedup();
        let cofunding_rate = match count::<i16>(self.cofunding_rate, "cofunding_rate")? {
            Some(r) if !(1..=100).contains(&r) => {
                return Err(invalid("cofunding_rate", "a percentage from 1 to 100")
                    .localized("fund-check-rate", &[]));
            }
            r => r,
        };
        let duration_min = count(self.duration_min, "duration_min")?;
        let duration_max = count(self.duration_max, "duration_max")?;
        if let (Some(lo), Some(hi)) = (duration_min, duration_max)
            && hi < lo
        {
            return Err(invalid("duration_max", "below the shortest duration")
                .localized("fund-check-duration-max", &[]));
        }
        let duration_unit = match self.duration_unit.as_deref().map(str::trim) {
            None | Some("") => DurationUnit::Months,
            Some(u) => DurationUnit::parse(u)
                .ok_or_else(|| invalid("duration_unit", "`days` or `months`"))?,
        };
        let mut themes = Vec::new();
        for (i, t) in self.themes.iter().enumerate() {
            let theme = crate::vocab::theme(t.trim())
                .ok_or_else(|| invalid(format!("themes[{i}]"), format!("unknown theme `{t}`")))?;
            if !themes.iter().any(|s: &String| s == theme.slug) {
                themes.push(theme.slug.to_string());
            }
        }
        Ok(ProgrammeData {
            funder,
            link,
            applicant_kinds,
            countries,
            required_countries,
            min_partners,
            min_countries,
            min_eu_countries,
            min_participants,
            min_invited,
            grant_min,
            grant_max,
            lump_sums,
            cofunding_rate,
            duration_min,
            duration_max,
            duration_unit,
            themes,
            texts,
            calls: self.calls()?,
        })
    }

    /// The language versions: known languages, each once, and a name in at least one.
    fn texts(&self) -> Result<Vec<TextData>, AppError> {
        let mut out: Vec<TextData> = Vec::new();
        for (i, t) in self.translations.iter().enumerate() {
            let field = |f: &str| format!("translations[{i}].{f}");
            let lang: Lang = t.language.trim().parse().map_err(|_| {
                invalid(
                    field("language"),
                    format!("unknown language `{}`", t.language),
                )
            })?;
            if out.iter().any(|o| o.language == lang.code()) {
                return Err(invalid(field("language"), "this language is given twice"));
            }
            let name = text(&t.name, &field("name"), NAME_MAX)?;
            let description = text(&t.description, &field("description"), DESCRIPTION_MAX)?;
            if name.is_empty() && description.is_empty() {
                continue;
            }
            if name.is_empty() {
                return Err(
                    invalid(field("name"), "a description needs a name beside it")
                        .localized("fund-check-name-beside", &[]),
                );
            }
            out.push(TextData {
                language: lang.code().to_string(),
                name,
                description,
            });
        }
        if out.is_empty() {
            return Err(invalid(
                "translations",
                "a programme needs a name in at least one language",
            ));
        }
        Ok(out)
    }

    fn calls(&self) -> Result<Vec<CallData>, AppError> {
        if self.calls.len() > CALLS_MAX {
            return Err(invalid("calls", format!("at most {CALLS_MAX} calls"))
                .localized("fund-check-calls", &[("max", CALLS_MAX.to_string())]));
        }
        self.calls
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let field = |f: &str| format!("calls[{i}].{f}");
                let given = |v: &Option<String>| {
                    v.as_deref()
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                };
                let opens_on = match given(&c.opens_on) {
                    None => None,
                    Some(s) => Some(NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
                        invalid(field("opens_on"), "a date such as 2026-01-15")
                    })?),
                };
                let deadline = match given(&c.deadline) {
                    None => None,
                    Some(s) => Some(parse_deadline(&s).ok_or_else(|| {
                        invalid(
                            field("deadline"),
                            "a date (2026-09-16) or a date and time with its offset (2026-09-16T17:00:00+02:00)",
                        )
                    })?),
                };
                if let (Some(open), Some(end)) = (opens_on, deadline)
                    && end.date_naive() < open
                {
                    return Err(invalid(field("deadline"), "before the call opens")
                        .localized("fund-check-deadline-before", &[]));
                }
                Ok(CallData {
                    opens_on,
                    deadline,
                    label: text(&c.label, &field("label"), 200)?,
                })
            })
            .collect()
    }
}

/// An absolute http(s) address, normalised.
pub fn web_link(s: &str) -> Option<String> {
    let url = url::Url::parse(s.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some()).then(|| url.to_string())
}

/// What a directory is narrowed to; `None` is any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub theme: Option<String>,
    /// Organisations from this country may take part.
    pub country: Option<String>,
    /// This kind of organisation may apply.
    pub kind: Option<OrgKind>,
    /// The programme can give at least this much (euros).
    pub amount: Option<i64>,
    /// Only programmes with a call open now.
    pub open_only: bool,
}

impl Filter {
    pub fn matches(&self, p: &ProgrammeFull, now: DateTime<Utc>) -> bool {
        let r = &p.programme;
        let any_or = |list: &[String], v: &str| list.is_empty() || list.iter().any(|x| x == v);
        self.theme.as_deref().is_none_or(|t| any_or(&r.themes, t))
            && self
                .country
                .as_deref()
                .is_none_or(|c| any_or(&r.countries, c))
            && self
                .kind
                .is_none_or(|k| any_or(&r.applicant_kinds, k.code()))
            && self
                .amount
                .is_none_or(|a| largest_grant(p).is_none_or(|most| most >= a))
            && (!self.open_only || p.next_open_call(now).is_some())
    }

    /// The programmes that match, open calls first by deadline (rolling ones after dated
    /// ones), then the others by name.
    pub fn apply(
        &self,
        all: Vec<ProgrammeFull>,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Vec<ProgrammeFull> {
        let mut out: Vec<ProgrammeFull> =
            all.into_iter().filter(|p| self.matches(p, now)).collect();
        out.sort_by(|a, b| directory_order(a, b, now, lang));
        out
    }
}

/// The most a programme gives, where it says: its largest grant or lump sum.
pub fn largest_grant(p: &ProgrammeFull) -> Option<i64> {
    let r = &p.programme;
    r.grant_max
        .into_iter()
        .chain(r.lump_sums.iter().copied())
        .max()
}

fn directory_order(
    a: &ProgrammeFull,
    b: &ProgrammeFull,
    now: DateTime<Utc>,
    lang: Lang,
) -> Ordering {
    // (no open call, rolling, deadline): open before closed, dated before rolling.
    let key = |p: &ProgrammeFull| match p.next_open_call(now) {
        Some(c) => (false, c.deadline.is_none(), c.deadline),
        None => (true, true, None),
    };
    let name = |p: &ProgrammeFull| {
        p.text(lang.code())
            .map(|t| t.name.to_lowercase())
            .unwrap_or_default()
    };
    key(a).cmp(&key(b)).then_with(|| name(a).cmp(&name(b)))
}

#[cfg(test)]
mod tests;
