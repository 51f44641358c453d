//! "Looking for partners" in the editors' interface: what an organisation looks for (purposes,
//! countries and regions, themes, languages, size range, kind of partner, where it is shown),
//! read into the API's `partners::LookingInput` and checked by the same `validate`, each
//! refusal shown next to its field.

use crate::db::models::actor::DbActor;
use crate::db::models::partner_search::DbPartnerSearch;
use crate::partners::explain::{self, NAMED_LANGUAGES, language_name};
use crate::partners::{LookingInput, Purpose};
use crate::vocab::{Lang, OrgKind, THEMES};
use crate::web::backoffice::{Ctx, EditorLayout, WebError, render};
use crate::web::form::FormState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// The tab's name in the organisation's navigation.
pub fn tab_label(lang: Lang) -> &'static str {
    explain::text(lang, "partners-tab")
}

/// The partner pages' texts for templates.
pub struct Texts {
    pub lang: Lang,
}

impl Texts {
    pub fn t(&self, id: &str) -> &'static str {
        explain::text(self.lang, id)
    }
}

#[derive(Template)]
#[template(path = "editor/looking.html")]
struct Page {
    layout: EditorLayout,
    f: Texts,
    handle: String,
    name: String,
    form: FormState,
    purposes: Vec<(&'static str, &'static str)>,
    themes: Vec<(&'static str, &'static str)>,
    kinds: Vec<(&'static str, &'static str)>,
    languages: Vec<(&'static str, String)>,
    notice: Option<String>,
    tab: &'static str,
}

fn show(
    ctx: &Ctx,
    org: &DbActor,
    form: FormState,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let lang = ctx.lang;
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(Page {
        layout: ctx.layout(
            explain::text(lang, "partners-looking-form-title"),
            &format!("/editor/{}/looking", org.handle),
        ),
        f: Texts { lang },
        handle: org.handle.clone(),
        name: org.name.clone(),
        form,
        purposes: Purpose::ALL
            .iter()
            .map(|p| (p.code(), p.label(lang)))
            .collect(),
        themes: THEMES.iter().map(|t| (t.slug, t.label(lang))).collect(),
        kinds: OrgKind::ALL
            .iter()
            .map(|k| (k.code(), k.label(lang)))
            .collect(),
        languages: NAMED_LANGUAGES
            .iter()
            .map(|l| (*l, language_name(l, lang)))
            .collect(),
        notice,
        tab: "looking",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

/// The stored search as the form's fields.
fn form_of(s: &LookingInput) -> FormState {
    let mut f = FormState::default();
    let flag = |f: &mut FormState, name: &str, on: bool| {
        if on {
            f.set(name, "1");
        }
    };
    flag(&mut f, "active", s.active);
    flag(&mut f, "listed", s.listed);
    flag(&mut f, "suggested", s.suggested);
    for p in &s.purposes {
        f.push("purposes", p.clone());
    }
    for t in &s.themes {
        f.push("themes", t.clone());
    }
    for l in &s.languages {
        f.push("languages", l.clone());
    }
    for k in &s.partner_kinds {
        f.push("partner_kinds", k.clone());
    }
    f.set("countries", s.countries.join(", "));
    f.set("regions", s.regions.join("\n"));
    f.set(
        "population_min",
        s.population_min.map(|n| n.to_string()).unwrap_or_default(),
    );
    f.set(
        "population_max",
        s.population_max.map(|n| n.to_string()).unwrap_or_default(),
    );
    f.set("description", s.description.clone());
    f
}

#[derive(Debug, Default, Deserialize)]
pub struct SavedQuery {
    pub saved: Option<String>,
}

/// GET /editor/{handle}/looking.
pub async fn page(
    ctx: Ctx,
    Path(handle): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let mut conn = ctx.state.conn().await?;
    let stored = DbPartnerSearch::of_actor(&mut conn, org.id).await?;
    let input = stored.as_ref().map(LookingInput::of).unwrap_or_default();
    let notice = q
        .saved
        .is_some()
        .then(|| explain::text(ctx.lang, "partners-saved").to_string());
    show(&ctx, &org, form_of(&input), notice)
}

/// The form's field for an API field: `countries[2]` is `countries`.
fn form_field(api_field: &str) -> String {
    api_field
        .split_once('[')
        .map_or(api_field, |(f, _)| f)
        .to_string()
}

/// POST /editor/{handle}/looking.
pub async fn save(
    ctx: Ctx,
    Path(handle): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let list = |form: &FormState, name: &str| -> Vec<String> {
        form.all(name).iter().map(|s| s.to_string()).collect()
    };
    let split = |s: &str, by: &[char]| -> Vec<String> {
        s.split(by)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let number = |form: &mut FormState, name: &str| -> Option<i64> {
        let v = form.opt(name)?;
        let n = crate::web::form::whole_number(&v);
        if n.is_none() {
            form.fail(name, ctx.t.bad_value);
        }
        n
    };
    let population_min = number(&mut form, "population_min");
    let population_max = number(&mut form, "population_max");
    let input = LookingInput {
        active: form.has("active", "1"),
        purposes: list(&form, "purposes"),
        countries: split(form.val("countries"), &[',', ' ', ';']),
        regions: split(form.val("regions"), &['\n', ';']),
        themes: list(&form, "themes"),
        languages: list(&form, "languages"),
        population_min,
        population_max,
        partner_kinds: list(&form, "partner_kinds"),
        description: form.val("description").to_string(),
        listed: form.has("listed", "1"),
        suggested: form.has("suggested", "1"),
    };
    if !form.ok() {
        return show(&ctx, &org, form, None);
    }
    let data = match input.validate() {
        Ok(d) => d,
        Err(e) => {
            form.fail_app(ctx.lang, &e, |f| Some(form_field(f)));
            return show(&ctx, &org, form, None);
        }
    };
    let mut conn = ctx.state.conn().await?;
    DbPartnerSearch::put(&mut conn, org.id, &data).await?;
    Ok(ctx.redirect(&format!("/editor/{handle}/looking?saved=1")))
}
