//! `/funding`: the funding programmes of this network and its peers, open calls first by
//! deadline, with filters (theme, country, kind of applicant, amount) and the eligibility
//! check: a plain GET form describing a planned project, answered on the same page with the
//! programmes that fit and, for each that does not, the rules that fail. No script.
//! `/funding/programmes/{id}` is a programme's page; `/funding/{uuid}`, the id of one of
//! ours, serves the same page to browsers and the `FundingProgramme` to federation clients.

use super::{Layout, PageLang, PostCard, Section, render};
use crate::db::models::actor::DbActor;
use crate::db::models::funding::{DbProgramme, DurationUnit, ProgrammeFull};
use crate::db::models::post::DbPost;
use crate::error::{AppError, AppResult};
use crate::funding::eligibility::{self, OrgInput, PlanInput, unit_words};
use crate::funding::{Filter, countries};
use crate::state::AppState;
use crate::vocab::{Lang, OrgKind, THEMES};
use crate::web::LangQuery;
use crate::web::i18n::format_date;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use fluent_bundle::FluentArgs;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// How many organisations the check form offers (applicant and partners).
pub const FORM_ORGS: usize = 6;

/// The funding pages' texts in one language: `t("fund-title")`, and messages with
/// variables through [`Texts::fmt`].
pub struct Texts {
    lang: Lang,
}

impl Texts {
    pub fn new(lang: Lang) -> Texts {
        Texts { lang }
    }

    pub fn t(&self, id: &str) -> &'static str {
        crate::locale::text(self.lang, id).unwrap_or_else(|| {
            tracing::error!(lang = self.lang.code(), id, "funding text missing");
            "?"
        })
    }

    pub fn fmt(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<i64>() {
                Ok(n) => a.set(*k, n),
                Err(_) => a.set(*k, v.clone()),
            }
        }
        crate::locale::format(self.lang, id, &a).unwrap_or_else(|| "?".to_string())
    }

    fn euros(&self, n: i64) -> String {
        crate::locale::format_number(n, self.lang)
    }
}

/// A programme in the directory.
pub struct Card {
    pub url: String,
    pub name: String,
    pub language: String,
    pub funder: String,
    /// "Deadline: 16 September 2026", "rolling", or nothing.
    pub deadline: Option<String>,
    pub deadline_iso: Option<String>,
    pub grant: Option<String>,
    pub network: String,
    pub local: bool,
}

/// A programme's terms in words, as its page and the check's answers show them.
pub struct Terms {
    pub who: String,
    pub countries: String,
    pub required: Option<String>,
    pub partnership: Option<String>,
    pub participants: Option<String>,
    pub grant: Option<String>,
    pub duration: Option<String>,
    pub themes: Option<String>,
}

fn kinds_text(codes: &[String], lang: Lang) -> String {
    codes
        .iter()
        .map(|c| {
            c.parse::<OrgKind>()
                .map(|k| k.label(lang).to_string())
                .unwrap_or_else(|_| c.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The grant in words: a range, a ceiling or a floor, lump sums, the co-funding rate.
pub fn grant_text(p: &DbProgramme, tx: &Texts) -> Option<String> {
    let mut parts = Vec::new();
    match (p.grant_min, p.grant_max) {
        (Some(lo), Some(hi)) => parts.push(tx.fmt(
            "fund-grant-range",
            &[("min", tx.euros(lo)), ("max", tx.euros(hi))],
        )),
        (None, Some(hi)) => parts.push(tx.fmt("fund-grant-up-to", &[("max", tx.euros(hi))])),
        (Some(lo), None) => parts.push(tx.fmt("fund-grant-from", &[("min", tx.euros(lo))])),
        (None, None) => {}
    }
    if !p.lump_sums.is_empty() {
        let sums: Vec<String> = p.lump_sums.iter().map(|s| tx.euros(*s)).collect();
        parts.push(tx.fmt("fund-lump-sums", &[("sums", sums.join(" / "))]));
    }
    if let Some(rate) = p.cofunding_rate {
        parts.push(tx.fmt("fund-cofunding", &[("rate", rate.to_string())]));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn duration_text(p: &DbProgramme, tx: &Texts) -> Option<String> {
    let words = |n: i32| unit_words(n.max(0).unsigned_abs(), p.duration_unit, tx.lang);
    match (p.duration_min, p.duration_max) {
        (Some(lo), Some(hi)) => {
            // "6 to 12 months": the unit once, after the second number.
            let lo_text = if p.duration_unit == DurationUnit::Months || lo != hi {
                lo.to_string()
            } else {
                words(lo)
            };
            Some(tx.fmt(
                "fund-duration-range",
                &[("min", lo_text), ("max", words(hi))],
            ))
        }
        (None, Some(hi)) => Some(tx.fmt("fund-duration-up-to", &[("max", words(hi))])),
        (Some(lo), None) => Some(tx.fmt("fund-duration-from", &[("min", words(lo))])),
        (None, None) => None,
    }
}

pub fn terms(p: &DbProgramme, tx: &Texts) -> Terms {
    let lang = tx.lang;
    let n = |v: Option<i32>| v.filter(|n| *n > 0).map(|n| n.to_string());
    let partnership: Vec<String> = [
        n(p.min_partners).map(|v| tx.fmt("fund-min-partners", &[("n", v)])),
        n(p.min_countries).map(|v| tx.fmt("fund-min-countries", &[("n", v)])),
        n(p.min_eu_countries).map(|v| tx.fmt("fund-min-eu", &[("n", v)])),
    ]
    .into_iter()
    .flatten()
    .collect();
    let participants: Vec<String> = [
        n(p.min_participants).map(|v| tx.fmt("fund-min-participants", &[("n", v)])),
        n(p.min_invited).map(|v| tx.fmt("fund-min-invited", &[("n", v)])),
    ]
    .into_iter()
    .flatten()
    .collect();
    Terms {
        who: if p.applicant_kinds.is_empty() {
            tx.t("fund-any-kind").to_string()
        } else {
            kinds_text(&p.applicant_kinds, lang)
        },
        countries: if p.countries.is_empty() {
            tx.t("fund-any-country").to_string()
        } else {
            p.countries.join(", ")
        },
        required: (!p.required_countries.is_empty()).then(|| p.required_countries.join(", ")),
        partnership: (!partnership.is_empty()).then(|| partnership.join(", ")),
        participants: (!participants.is_empty()).then(|| participants.join(", ")),
        grant: grant_text(p, tx),
        duration: duration_text(p, tx),
        themes: (!p.themes.is_empty()).then(|| {
            p.themes
                .iter()
                .filter_map(|s| crate::vocab::theme(s))
                .map(|t| t.label(lang))
                .collect::<Vec<_>>()
                .join(", ")
        }),
    }
}

fn deadline_words(full: &ProgrammeFull, now: DateTime<Utc>, tx: &Texts) -> Option<String> {
    let call = full.next_open_call(now)?;
    Some(match call.deadline {
        Some(d) => format!(
            "{}{} {}",
            tx.t("fund-deadline"),
            crate::web::i18n::strings(tx.lang).colon,
            format_date(
                d.with_timezone(&chrono_tz::Europe::Brussels).date_naive(),
                tx.lang
            )
        ),
        None => tx.t("fund-rolling").to_string(),
    })
}

/// Where a programme's page is.
pub fn page_path(p: &DbProgramme) -> String {
    format!("/funding/programmes/{}", p.id)
}

fn card(full: &ProgrammeFull, network: &str, now: DateTime<Utc>, tx: &Texts) -> Card {
    let text = full.text(tx.lang.code());
    Card {
        url: page_path(&full.programme),
        name: text.map(|t| t.name.clone()).unwrap_or_default(),
        language: text.map(|t| t.language.clone()).unwrap_or_default(),
        funder: full.programme.funder.clone(),
        deadline: deadline_words(full, now, tx),
        deadline_iso: full
            .next_open_call(now)
            .and_then(|c| c.deadline)
            .map(|d| d.to_rfc3339()),
        grant: grant_text(&full.programme, tx),
        network: network.to_string(),
        local: full.programme.local,
    }
}

/// The page's form: the directory's filters and the plan to check.
#[derive(Debug, Default, Deserialize)]
pub struct FundingForm {
    pub theme: Option<String>,
    pub country: Option<String>,
    pub kind: Option<String>,
    pub amount: Option<String>,
    pub open: Option<String>,
    pub lang: Option<String>,
    /// Present when the check's button was pressed.
    pub check: Option<String>,
    /// `kind0`..`kind5`, `country0`..`country5`: the applicant and its partners.
    #[serde(flatten)]
    pub rows: HashMap<String, String>,
    pub participants: Option<String>,
    pub invited: Option<String>,
    pub duration: Option<String>,
    pub unit: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The form's refusals by field name (`country`, `kind2`), as the templates look them up.
#[derive(Debug, Default)]
pub struct Errors(BTreeMap<String, String>);

impl Errors {
    pub fn contains_key(&self, field: impl AsRef<str>) -> bool {
        self.0.contains_key(field.as_ref())
    }

    pub fn get(&self, field: impl AsRef<str>) -> Option<&String> {
        self.0.get(field.as_ref())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn insert(&mut self, field: String, message: String) {
        self.0.insert(field, message);
    }
}

impl FundingForm {
    /// The filter, and the filter fields whose value is not known.
    fn filter(&self, tx: &Texts) -> (Filter, Errors) {
        let mut errors = Errors::default();
        let mut bad = |f: &str| {
            errors.insert(f.to_string(), tx.t("fund-bad-filter").to_string());
        };
        let mut filter = Filter {
            open_only: given(&self.open).is_some(),
            ..Filter::default()
        };
        if let Some(t) = given(&self.theme) {
            match crate::vocab::theme(t) {
                Some(theme) => filter.theme = Some(theme.slug.to_string()),
                None => bad("theme"),
            }
        }
        if let Some(c) = given(&self.country) {
            match countries::normalise(c) {
                Some(code) => filter.country = Some(code),
                None => bad("country"),
            }
        }
        if let Some(k) = given(&self.kind) {
            match k.parse::<OrgKind>() {
                Ok(kind) => filter.kind = Some(kind),
                Err(_) => bad("kind"),
            }
        }
        if let Some(a) = given(&self.amount) {
            match a
                .replace(['.', ' ', '\u{a0}', '\u{202f}'], "")
                .parse::<i64>()
            {
                Ok(n) if n >= 0 => filter.amount = Some(n),
                _ => bad("amount"),
            }
        }
        (filter, errors)
    }

    fn row(&self, field: &str, i: usize) -> String {
        self.rows
            .get(&format!("{field}{i}"))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    /// The plan the form describes (rows without a kind or a country are left out); a
    /// number is read as people write it (`1 200`, `1.200`), else refused naming its field.
    fn plan_input(&self) -> Result<PlanInput, AppError> {
        let number = |v: &Option<String>, field: &str| -> Result<Option<i64>, AppError> {
            given(v)
                .map(|s| {
                    crate::web::form::whole_number(s).ok_or_else(|| {
                        AppError::invalid(field, "a whole number such as 12")
                            .localized("fund-check-number", &[])
                    })
                })
                .transpose()
        };
        Ok(PlanInput {
            organisations: (0..FORM_ORGS)
                .map(|i| OrgInput {
                    kind: self.row("kind", i),
                    country: self.row("country", i),
                })
                .filter(|o| !o.kind.is_empty() || !o.country.is_empty())
                .collect(),
            participants: number(&self.participants, "participants")?,
            invited_from_abroad: number(&self.invited, "invited_from_abroad")?,
            duration: number(&self.duration, "duration")?,
            duration_unit: given(&self.unit).map(str::to_string),
        })
    }
}

/// A form row of the check: the organisation's kind options and its country.
pub struct OrgRow {
    pub index: usize,
    pub label: String,
    pub kinds: Vec<(String, String, bool)>,
    pub country: String,
}

/// One programme's answer to the check.
pub struct Fit {
    pub card: Card,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "funding.html")]
struct DirectoryPage {
    layout: Layout,
    f: Texts,
    errors: Errors,
    themes: Vec<(String, String, bool)>,
    kinds: Vec<(String, String, bool)>,
    country: String,
    amount: String,
    open_only: bool,
    open: Vec<Card>,
    others: Vec<Card>,
    total: usize,
    rows: Vec<OrgRow>,
    /// The plan's numbers: (field, label, value).
    numbers: Vec<(&'static str, &'static str, String)>,
    units: Vec<(String, String, bool)>,
    checked: bool,
    /// Why the plan could not be checked (a field at fault).
    check_error: Option<String>,
    fits: Vec<Fit>,
    misfits: Vec<Fit>,
    fit_count: String,
}

fn options(
    values: Vec<(String, String)>,
    current: Option<&str>,
    any: &str,
) -> Vec<(String, String, bool)> {
    std::iter::once((String::new(), any.to_string(), current.is_none()))
        .chain(values.into_iter().map(|(v, l)| {
            let selected = current == Some(v.as_str());
            (v, l, selected)
        }))
        .collect()
}

fn kind_options(lang: Lang, current: Option<&str>, any: &str) -> Vec<(String, String, bool)> {
    options(
        OrgKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label(lang).to_string()))
            .collect(),
        current,
        any,
    )
}

/// The directory's and the check's own address with the form's values, for the language
/// switch.
fn own_path(form: &FundingForm) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("theme", &form.theme),
        ("country", &form.country),
        ("kind", &form.kind),
        ("amount", &form.amount),
        ("open", &form.open),
        ("participants", &form.participants),
        ("invited", &form.invited),
        ("duration", &form.duration),
        ("unit", &form.unit),
        ("check", &form.check),
    ] {
        if let Some(v) = given(v) {
            q.append_pair(k, v);
        }
    }
    for i in 0..FORM_ORGS {
        for f in ["kind", "country"] {
            let v = form.row(f, i);
            if !v.is_empty() {
                q.append_pair(&format!("{f}{i}"), &v);
            }
        }
    }
    let q = q.finish();
    if q.is_empty() {
        "/funding".into()
    } else {
        format!("/funding?{q}")
    }
}

/// `GET /funding`: the directory and the eligibility check.
pub async fn directory(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(form): Query<FundingForm>,
) -> AppResult<Response> {
    let query = LangQuery {
        lang: form.lang.clone(),
    };
    let pl = PageLang::of(&state, &headers, &query);
    let lang = pl.lang;
    let tx = Texts::new(lang);
    let (filter, mut errors) = form.filter(&tx);
    let now = Utc::now();
    let mut conn = state.conn().await?;
    let programmes = if errors.is_empty() {
        filter.apply(DbProgramme::all(&mut conn).await?, now, lang)
    } else {
        Vec::new()
    };
    let hosts = DbProgramme::network_hosts(&mut conn, &programmes).await?;
    drop(conn);
    let host = |p: &ProgrammeFull| {
        hosts
            .get(&p.programme.network_id)
            .cloned()
            .unwrap_or_default()
    };
    let checked = given(&form.check).is_some();
    let (mut fits, mut misfits, mut check_error) = (Vec::new(), Vec::new(), None);
    if checked {
        match form.plan_input().and_then(|p| p.validate()) {
            Ok(plan) => {
                for p in &programmes {
                    let failures = eligibility::check(&p.programme, &plan);
                    let fit = Fit {
                        card: card(p, &host(p), now, &tx),
                        reasons: failures.iter().map(|f| f.reason(lang)).collect(),
                    };
                    if failures.is_empty() {
                        fits.push(fit);
                    } else {
                        misfits.push(fit);
                    }
                }
            }
            Err(e) => {
                let field = e.field.clone().unwrap_or_default();
                let message = e.message_in(lang).unwrap_or(e.message);
                errors.insert(form_field(&field), message.clone());
                check_error = Some(message);
            }
        }
    }
    let (open, others): (Vec<&ProgrammeFull>, Vec<&ProgrammeFull>) = programmes
        .iter()
        .partition(|p| p.next_open_call(now).is_some());
    let rows = (0..FORM_ORGS)
        .map(|i| {
            let kind = form.row("kind", i);
            OrgRow {
                index: i,
                label: if i == 0 {
                    tx.t("fund-applicant").to_string()
                } else {
                    tx.fmt("fund-partner", &[("n", i.to_string())])
                },
                kinds: kind_options(lang, Some(kind.as_str()).filter(|k| !k.is_empty()), "–"),
                country: form.row("country", i),
            }
        })
        .collect();
    let unit = given(&form.unit).unwrap_or("months");
    let failed = !errors.is_empty();
    let fit_count = tx.fmt(
        "fund-fit-count",
        &[
            ("fits", fits.len().to_string()),
            ("total", (fits.len() + misfits.len()).to_string()),
        ],
    );
    let layout = Layout::new(
        &state,
        pl,
        tx.t("fund-title").to_string(),
        &own_path(&form),
        Section::Other,
    );
    let page = DirectoryPage {
        themes: options(
            THEMES
                .iter()
                .map(|t| (t.slug.to_string(), t.label(lang).to_string()))
                .collect(),
            filter.theme.as_deref(),
            tx.t("fund-any"),
        ),
        kinds: kind_options(lang, filter.kind.map(OrgKind::code), tx.t("fund-any")),
        country: given(&form.country).unwrap_or_default().to_string(),
        amount: given(&form.amount).unwrap_or_default().to_string(),
        open_only: filter.open_only,
        total: programmes.len(),
        open: open.iter().map(|p| card(p, &host(p), now, &tx)).collect(),
        others: others.iter().map(|p| card(p, &host(p), now, &tx)).collect(),
        rows,
        numbers: [
            (
                "participants",
                "fund-expected-participants",
                &form.participants,
            ),
            ("invited", "fund-invited", &form.invited),
            ("duration", "fund-planned-duration", &form.duration),
        ]
        .into_iter()
        .map(|(field, label, value)| {
            (
                field,
                tx.t(label),
                given(value).unwrap_or_default().to_string(),
            )
        })
        .collect(),
        units: [DurationUnit::Months, DurationUnit::Days]
            .iter()
            .map(|u| {
                let label = match u {
                    DurationUnit::Days => tx.t("fund-unit-days"),
                    DurationUnit::Months => tx.t("fund-unit-months"),
                };
                (u.code().to_string(), label.to_string(), unit == u.code())
            })
            .collect(),
        checked: checked && check_error.is_none(),
        check_error,
        fits,
        misfits,
        fit_count,
        errors,
        f: tx,
        layout,
    };
    let resp = render(&state, &page, &page.layout)?;
    Ok(if failed {
        (StatusCode::BAD_REQUEST, resp).into_response()
    } else {
        resp
    })
}

/// The form field a plan's refusal names: `organisations[1].country` is `country1`.
fn form_field(api_field: &str) -> String {
    if let Some(rest) = api_field.strip_prefix("organisations[")
        && let Some((i, f)) = rest.split_once("].")
    {
        return format!("{f}{i}");
    }
    match api_field {
        "invited_from_abroad" => "invited".into(),
        "duration_unit" => "unit".into(),
        "organisations" => "country0".into(),
        other => other.into(),
    }
}

/// A call as its programme's page lists it.
pub struct CallLine {
    pub label: String,
    pub opens: Option<String>,
    pub deadline: String,
    pub deadline_iso: Option<String>,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "funding_programme.html")]
struct ProgrammePage {
    layout: Layout,
    f: Texts,
    name: String,
    language: String,
    description: String,
    funder: String,
    link: Option<String>,
    kept_by: String,
    terms: Terms,
    calls: Vec<CallLine>,
    /// The projects that name the programme as their funding.
    projects: Vec<PostCard>,
}

/// How many of the projects a programme funded its page lists.
const FUNDED_SHOWN: i64 = 50;

async fn programme_page(
    state: &AppState,
    headers: &HeaderMap,
    query: &LangQuery,
    row: DbProgramme,
) -> AppResult<Response> {
    let pl = PageLang::of(state, headers, query);
    let lang = pl.lang;
    let tx = Texts::new(lang);
    let mut conn = state.conn().await?;
    let network = DbActor::by_id(&mut conn, row.network_id).await?;
    let funded = DbPost::funded_by(&mut conn, row.ap_id.as_str(), FUNDED_SHOWN).await?;
    let authors = DbActor::by_ids(&mut conn, funded.iter().map(|p| p.post.actor_id)).await?;
    let full = DbProgramme::full(&mut conn, row).await?;
    drop(conn);
    let projects = funded
        .iter()
        .filter_map(|p| Some(super::card(p, &authors.get(&p.post.actor_id)?.name, lang)))
        .collect();
    let now = Utc::now();
    let text = full.text(lang.code());
    let name = text.map(|t| t.name.clone()).unwrap_or_default();
    let calls = full
        .calls
        .iter()
        .map(|c| CallLine {
            label: c.label.clone(),
            opens: c.opens_on.map(|d| format_date(d, lang)),
            deadline: match c.deadline {
                Some(d) => format_date(
                    d.with_timezone(&chrono_tz::Europe::Brussels).date_naive(),
                    lang,
                ),
                None => tx.t("fund-rolling").to_string(),
            },
            deadline_iso: c.deadline.map(|d| d.to_rfc3339()),
            open: c.is_open(now),
        })
        .collect();
    let layout = Layout::new(
        state,
        pl,
        name.clone(),
        &page_path(&full.programme),
        Section::Other,
    );
    let page = ProgrammePage {
        terms: terms(&full.programme, &tx),
        kept_by: tx.fmt("fund-kept-by", &[("network", network.domain.clone())]),
        language: text.map(|t| t.language.clone()).unwrap_or_default(),
        description: text.map(|t| t.description.clone()).unwrap_or_default(),
        funder: full.programme.funder.clone(),
        link: full.programme.link.clone(),
        name,
        calls,
        projects,
        f: tx,
        layout,
    };
    render(state, &page, &page.layout)
}

/// `GET /funding/programmes/{id}`: any programme's page (ours and our peers').
pub async fn programme(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let mut conn = state.conn().await?;
    let row = DbProgramme::by_id(&mut conn, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no funding programme {id}")))?;
    drop(conn);
    programme_page(&state, &headers, &query, row).await
}

/// `GET /funding/{uuid}`: one of our programmes by its id, as a page or as ActivityPub.
pub async fn programme_or_document(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(uuid): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    if crate::federation::routes::wants_activity_json(&headers) {
        return crate::federation::activities::funding::document(&state, &uuid).await;
    }
    let ap_id = format!("{}/funding/{uuid}", state.urls.base());
    let mut conn = state.conn().await?;
    let row = DbProgramme::by_ap_id(&mut conn, &ap_id)
        .await?
        .filter(|p| p.local)
        .ok_or_else(|| AppError::not_found("no such funding programme here"))?;
    drop(conn);
    programme_page(&state, &headers, &query, row).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_placed_on_the_form_fields() {
        assert_eq!(form_field("organisations[2].country"), "country2");
        assert_eq!(form_field("organisations[0].kind"), "kind0");
        assert_eq!(form_field("invited_from_abroad"), "invited");
        assert_eq!(form_field("participants"), "participants");
    }

    #[test]
    fn every_text_the_templates_use_exists_in_every_language() {
        let sources = [
            include_str!("../../../templates/funding.html"),
            include_str!("../../../templates/funding_programme.html"),
            include_str!("funding.rs"),
        ];
        let mut ids = Vec::new();
        for src in sources {
            for part in src.split("\"fund-").skip(1) {
                if let Some(end) = part.find('"')
                    && end > 0
                    && !part[..end].contains(['{', '\\'])
                {
                    ids.push(format!("fund-{}", &part[..end]));
                }
            }
        }
        assert!(ids.len() > 20, "{ids:?}");
        for lang in Lang::ALL {
            for id in &ids {
                assert!(
                    crate::locale::variables(lang).contains_key(id),
                    "{id} missing in {}",
                    lang.code()
                );
            }
        }
    }
}
