//! The network's funding programmes in the editors' interface: the list of this network's
//! programmes, a form to write one (every field of the API's [`ProgrammeInput`], a name and
//! description per language, calls as rows), and deletion. The same checks and the same
//! federation as the API (`funding::ProgrammeInput::validate`,
//! `federation::activities::funding`): a programme saved here reaches the peer networks.
//! Only the network's admins and the editors of its own organisation keep programmes.

use crate::db::models::funding::{DbProgramme, DurationUnit, ProgrammeFull};
use crate::error::AppError;
use crate::federation::activities::funding as fed;
use crate::funding::{CALLS_MAX, CallInput, ProgrammeInput, TextInput};
use crate::vocab::{Lang, OrgKind, THEMES};
use crate::web::backoffice::{Ctx, EditorLayout, WebError, render};
use crate::web::form::FormState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;

/// Empty call rows the form offers beyond the stored ones.
const SPARE_CALLS: usize = 2;

fn text(lang: Lang, id: &str) -> &'static str {
    crate::locale::text(lang, id).unwrap_or("")
}

/// The form's and the list's texts in the editor's language.
pub struct Texts {
    lang: Lang,
}

impl Texts {
    pub fn t(&self, id: &str) -> &'static str {
        text(self.lang, id)
    }
}

async fn require_keeper(ctx: &Ctx) -> Result<(), WebError> {
    let mut conn = ctx.state.conn().await?;
    if crate::funding::keeps_directory(&mut conn, &ctx.session.account).await? {
        Ok(())
    } else {
        Err(ctx.forbidden())
    }
}

/// One of this network's programmes in the list.
pub struct ListRow {
    pub id: i64,
    pub name: String,
    pub funder: String,
    /// The next deadline of an open call, or "rolling"/"none".
    pub next: String,
}

#[derive(Template)]
#[template(path = "editor/funding_list.html")]
struct ListPage {
    layout: EditorLayout,
    f: Texts,
    rows: Vec<ListRow>,
    notice: Option<&'static str>,
}

#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
}

/// `GET /editor/_funding`: this network's programmes.
pub async fn list(ctx: Ctx, Query(q): Query<DoneQuery>) -> Result<Response, WebError> {
    require_keeper(&ctx).await?;
    let f = Texts { lang: ctx.lang };
    let mut conn = ctx.state.conn().await?;
    let now = Utc::now();
    let mut rows: Vec<ListRow> = DbProgramme::all(&mut conn)
        .await?
        .into_iter()
        .filter(|p| p.programme.local)
        .map(|p| ListRow {
            id: p.programme.id,
            name: p
                .text(ctx.lang.code())
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            funder: p.programme.funder.clone(),
            next: match p.next_open_call(now) {
                Some(c) => match c.deadline {
                    Some(d) => crate::web::i18n::format_date(
                        d.with_timezone(&chrono_tz::Europe::Brussels).date_naive(),
                        ctx.lang,
                    ),
                    None => f.t("fund-rolling").to_string(),
                },
                None => f.t("fund-no-calls").to_string(),
            },
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    let notice = match q.done.as_deref() {
        Some("saved") => Some(f.t("fund-form-saved")),
        Some("deleted") => Some(f.t("fund-form-deleted")),
        _ => None,
    };
    render(ListPage {
        layout: ctx.layout(f.t("fund-form-list-title"), "/editor/_funding"),
        f,
        rows,
        notice,
    })
}

#[derive(Template)]
#[template(path = "editor/funding_form.html")]
struct FormPage {
    layout: EditorLayout,
    f: Texts,
    /// Where the form posts to; `None` id for a new programme.
    action: String,
    id: Option<i64>,
    form: FormState,
    languages: Vec<Lang>,
    kinds: Vec<(&'static str, &'static str)>,
    themes: Vec<(&'static str, &'static str)>,
    units: Vec<(&'static str, &'static str)>,
    /// The call rows' indexes.
    calls: Vec<usize>,
}

fn form_page(ctx: &Ctx, id: Option<i64>, form: FormState) -> Result<Response, WebError> {
    let f = Texts { lang: ctx.lang };
    let (action, title) = match id {
        Some(id) => (
            format!("/editor/_funding/{id}"),
            f.t("fund-form-edit-title"),
        ),
        None => ("/editor/_funding".to_string(), f.t("fund-form-new-title")),
    };
    let path = match id {
        Some(id) => format!("/editor/_funding/{id}/edit"),
        None => "/editor/_funding/new".to_string(),
    };
    let stored_calls = (0..CALLS_MAX)
        .filter(|i| call_row_written(&form, *i))
        .max()
        .map_or(0, |i| i + 1);
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(FormPage {
        layout: ctx.layout(title, &path),
        languages: ctx.state.config.instance.languages.clone(),
        kinds: OrgKind::ALL
            .iter()
            .map(|k| (k.code(), k.label(ctx.lang)))
            .collect(),
        themes: THEMES.iter().map(|t| (t.slug, t.label(ctx.lang))).collect(),
        units: DurationUnit::ALL
            .iter()
            .map(|u| {
                (
                    u.code(),
                    match u {
                        DurationUnit::Days => f.t("fund-unit-days"),
                        DurationUnit::Months => f.t("fund-unit-months"),
                    },
                )
            })
            .collect(),
        calls: (0..(stored_calls + SPARE_CALLS).min(CALLS_MAX)).collect(),
        f,
        action,
        id,
        form,
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

/// `GET /editor/_funding/new`
pub async fn new_form(ctx: Ctx) -> Result<Response, WebError> {
    require_keeper(&ctx).await?;
    let mut form = FormState::default();
    form.set("duration_unit", DurationUnit::Months.code());
    form_page(&ctx, None, form)
}

/// One of this network's own programmes (a peer's is kept by its network).
async fn own(ctx: &Ctx, id: i64) -> Result<DbProgramme, WebError> {
    let mut conn = ctx.state.conn().await?;
    Ok(DbProgramme::by_id(&mut conn, id)
        .await?
        .filter(|p| p.local)
        .ok_or_else(|| AppError::not_found(format!("no funding programme {id} of this network")))?)
}

/// `GET /editor/_funding/{id}/edit`
pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    require_keeper(&ctx).await?;
    let row = own(&ctx, id).await?;
    let full = DbProgramme::full(&mut *ctx.state.conn().await?, row).await?;
    form_page(&ctx, Some(id), from_programme(&full))
}

/// `POST /editor/_funding`: a new programme, sent to the peer networks.
pub async fn create(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    save(ctx, None, pairs).await
}

/// `POST /editor/_funding/{id}`: the programme as changed, sent to the peer networks.
pub async fn update(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    save(ctx, Some(id), pairs).await
}

async fn save(
    ctx: Ctx,
    id: Option<i64>,
    pairs: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_keeper(&ctx).await?;
    if let Some(id) = id {
        own(&ctx, id).await?;
    }
    let languages = ctx.state.config.instance.languages.clone();
    let (input, map) = read(&mut form, &languages, ctx.lang);
    if !form.ok() {
        return form_page(&ctx, id, form);
    }
    let data = match input.validate() {
        Ok(d) => d,
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            form.fail_app(ctx.lang, &e, |f| map.field(f));
            return form_page(&ctx, id, form);
        }
        Err(e) => return Err(e.into()),
    };
    let mut conn = ctx.state.conn().await?;
    match id {
        Some(id) => fed::update_local(&mut conn, &ctx.state, id, &data).await?,
        None => fed::create_local(&mut conn, &ctx.state, &data).await?,
    };
    ctx.state.wakeup.wake();
    Ok(ctx.redirect("/editor/_funding?done=saved"))
}

/// `POST /editor/_funding/{id}/delete`: removed here and at the peer networks.
pub async fn delete(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_keeper(&ctx).await?;
    own(&ctx, id).await?;
    let mut conn = ctx.state.conn().await?;
    fed::delete_local(&mut conn, &ctx.state, id).await?;
    ctx.state.wakeup.wake();
    Ok(ctx.redirect("/editor/_funding?done=deleted"))
}

/// Where the API's field names land in the form: the languages and call rows sent, in the
/// order they were sent.
pub struct FieldMap {
    languages: Vec<Lang>,
    calls: Vec<usize>,
}

impl FieldMap {
    pub fn field(&self, api: &str) -> Option<String> {
        let index =
            |s: &str| -> Option<usize> { s.split_once('[')?.1.split_once(']')?.0.parse().ok() };
        let head = api.split(['[', '.']).next().unwrap_or("");
        let part = api.rsplit('.').next().unwrap_or("");
        match head {
            "translations" => {
                let lang = match index(api) {
                    Some(i) => *self.languages.get(i)?,
                    None => *self.languages.first()?,
                };
                let part = if part == "description" {
                    "description"
                } else {
                    "name"
                };
                Some(format!("{part}_{}", lang.code()))
            }
            "calls" => {
                let row = self.calls.get(index(api)?)?;
                let part = match part {
                    "opens_on" => "opens",
                    "deadline" => "deadline",
                    _ => "label",
                };
                Some(format!("call_{part}_{row}"))
            }
            "" => None,
            other => Some(other.to_string()),
        }
    }
}

fn call_row_written(form: &FormState, i: usize) -> bool {
    ["opens", "deadline", "label"]
        .iter()
        .any(|p| !form.val(&format!("call_{p}_{i}")).trim().is_empty())
}

/// Reads the form into the API's input, recording what it can see on its own in the
/// editor's language (a number that is none, a date that is none); the rest is
/// [`ProgrammeInput::validate`]'s.
pub fn read(form: &mut FormState, languages: &[Lang], lang: Lang) -> (ProgrammeInput, FieldMap) {
    let t = crate::web::i18n::strings(lang);
    let mut map = FieldMap {
        languages: Vec::new(),
        calls: Vec::new(),
    };
    let mut translations = Vec::new();
    for l in languages {
        let c = l.code();
        let name = form.val(&format!("name_{c}")).trim().to_string();
        let description = form.val(&format!("description_{c}")).trim().to_string();
        if name.is_empty() && description.is_empty() {
            continue;
        }
        if name.is_empty() {
            form.fail(&format!("name_{c}"), t.required);
        }
        map.languages.push(*l);
        translations.push(TextInput {
            language: c.to_string(),
            name,
            description,
        });
    }
    if translations.is_empty()
        && let Some(first) = languages.first()
    {
        form.fail(
            &format!("name_{}", first.code()),
            text(lang, "fund-form-name-required"),
        );
    }
    if form.val("funder").trim().is_empty() {
        form.fail("funder", t.required);
    }
    let number = |form: &mut FormState, name: &str| -> Option<i64> {
        let v = form
            .val(name)
            .trim()
            .replace([' ', '\u{a0}', '\u{202f}', '.'], "");
        if v.is_empty() {
            return None;
        }
        match v.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                form.fail(name, text(lang, "fund-form-not-a-number"));
                None
            }
        }
    };
    let list = |form: &FormState, name: &str| -> Vec<String> {
        form.val(name)
            .split([',', ';', ' ', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    let mut lump_sums = Vec::new();
    for s in list(form, "lump_sums") {
        match s.replace('.', "").parse::<i64>() {
            Ok(n) => lump_sums.push(n),
            Err(_) => form.fail("lump_sums", text(lang, "fund-form-not-a-number")),
        }
    }
    let mut calls = Vec::new();
    for i in 0..CALLS_MAX {
        if !call_row_written(form, i) {
            continue;
        }
        let date = |form: &mut FormState, name: String| -> Option<String> {
            let v = form.val(&name).trim().to_string();
            if v.is_empty() {
                return None;
            }
            if chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").is_err() {
                form.fail(&name, t.bad_date);
            }
            Some(v)
        };
        let opens_on = date(form, format!("call_opens_{i}"));
        let deadline = date(form, format!("call_deadline_{i}"));
        map.calls.push(i);
        calls.push(CallInput {
            opens_on,
            deadline,
            label: form.val(&format!("call_label_{i}")).trim().to_string(),
        });
    }
    let input = ProgrammeInput {
        translations,
        funder: form.val("funder").to_string(),
        link: form.opt("link"),
        applicant_kinds: form
            .all("applicant_kinds")
            .into_iter()
            .map(String::from)
            .collect(),
        countries: list(form, "countries"),
        required_countries: list(form, "required_countries"),
        min_partners: number(form, "min_partners"),
        min_countries: number(form, "min_countries"),
        min_eu_countries: number(form, "min_eu_countries"),
        min_participants: number(form, "min_participants"),
        min_invited: number(form, "min_invited"),
        grant_min: number(form, "grant_min"),
        grant_max: number(form, "grant_max"),
        lump_sums,
        cofunding_rate: number(form, "cofunding_rate"),
        duration_min: number(form, "duration_min"),
        duration_max: number(form, "duration_max"),
        duration_unit: form.opt("duration_unit"),
        themes: form.all("themes").into_iter().map(String::from).collect(),
        calls,
    };
    (input, map)
}

/// A stored programme as the form's fields, for editing.
pub fn from_programme(p: &ProgrammeFull) -> FormState {
    let mut f = FormState::default();
    for t in &p.texts {
        f.set(&format!("name_{}", t.language), &t.name);
        f.set(&format!("description_{}", t.language), &t.description);
    }
    let r = &p.programme;
    f.set("funder", &r.funder);
    if let Some(l) = &r.link {
        f.set("link", l);
    }
    for k in &r.applicant_kinds {
        f.push("applicant_kinds", k);
    }
    f.set("countries", r.countries.join(", "));
    f.set("required_countries", r.required_countries.join(", "));
    let mut n = |name: &str, v: Option<i64>| {
        if let Some(v) = v {
            f.set(name, v.to_string());
        }
    };
    n("min_partners", r.min_partners.map(i64::from));
    n("min_countries", r.min_countries.map(i64::from));
    n("min_eu_countries", r.min_eu_countries.map(i64::from));
    n("min_participants", r.min_participants.map(i64::from));
    n("min_invited", r.min_invited.map(i64::from));
    n("grant_min", r.grant_min);
    n("grant_max", r.grant_max);
    n("cofunding_rate", r.cofunding_rate.map(i64::from));
    n("duration_min", r.duration_min.map(i64::from));
    n("duration_max", r.duration_max.map(i64::from));
    f.set(
        "lump_sums",
        r.lump_sums
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    );
    f.set("duration_unit", r.duration_unit.code());
    for t in &r.themes {
        f.push("themes", t);
    }
    for (i, c) in p.calls.iter().enumerate() {
        if let Some(d) = c.opens_on {
            f.set(&format!("call_opens_{i}"), d.to_string());
        }
        if let Some(d) = c.deadline {
            let day = d.with_timezone(&chrono_tz::Europe::Brussels).date_naive();
            f.set(&format!("call_deadline_{i}"), day.to_string());
        }
        f.set(&format!("call_label_{i}"), &c.label);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormState {
        FormState::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn the_form_reads_into_the_apis_input_and_refusals_find_their_fields() {
        let mut f = form(&[
            ("name_fr", "Fonds citoyen"),
            ("description_fr", "Pour les rencontres"),
            ("name_de", "Bürgerfonds"),
            ("funder", "DFBF"),
            ("grant_max", "50 000"),
            ("lump_sums", "8455, 50745"),
            ("countries", "de, FR"),
            ("call_deadline_1", "2027-03-31"),
            ("call_label_1", "Frühjahr"),
        ]);
        let (input, map) = read(&mut f, &[Lang::De, Lang::Fr], Lang::De);
        assert!(f.ok(), "{f:?}");
        assert_eq!(input.translations.len(), 2);
        assert_eq!(input.translations[0].language, "de");
        assert_eq!(input.grant_max, Some(50_000));
        assert_eq!(input.lump_sums, vec![8455, 50745]);
        assert_eq!(input.countries, vec!["de", "FR"]);
        assert_eq!(input.calls.len(), 1);
        assert!(input.validate().is_ok());
        // The second language sent is French; the only call is the form's row 1.
        assert_eq!(
            map.field("translations[1].name").as_deref(),
            Some("name_fr")
        );
        assert_eq!(
            map.field("calls[0].deadline").as_deref(),
            Some("call_deadline_1")
        );
        assert_eq!(map.field("countries[1]").as_deref(), Some("countries"));
    }

    #[test]
    fn a_form_without_a_name_or_with_words_for_numbers_is_refused_in_the_editors_language() {
        let mut f = form(&[("funder", "EU"), ("min_partners", "zwei")]);
        read(&mut f, &[Lang::De, Lang::Fr], Lang::De);
        assert!(f.err("name_de").is_some());
        assert!(f.err("min_partners").is_some());
        let mut f = form(&[("name_de", "X"), ("call_deadline_0", "31.03.2027")]);
        read(&mut f, &[Lang::De], Lang::De);
        assert!(f.err("funder").is_some());
        assert!(f.err("call_deadline_0").is_some());
    }
}
