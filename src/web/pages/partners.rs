//! `/partners`: the organisations looking for partners, on this network and every peer
//! (the same signed fan-out and time budget as the search, each network's outcome shown),
//! with filters: purpose, country, theme, kind, language. A plain GET form; no script.

use super::{Layout, PageLang, Section, render};
use crate::error::AppResult;
use crate::partners::explain::{self, language_name};
use crate::partners::{LookingOrg, LookingQuery, NetworkStatus, Purpose, Scope};
use crate::state::AppState;
use crate::vocab::{Lang, OrgKind, THEMES};
use crate::web::LangQuery;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The partner pages' texts in one language.
pub struct Texts {
    pub lang: Lang,
}

impl Texts {
    pub fn t(&self, id: &str) -> &'static str {
        explain::text(self.lang, id)
    }

    pub fn fmt(&self, id: &str, args: &[(&str, String)]) -> String {
        explain::fmt(self.lang, id, args)
    }
}

/// An organisation on the list, in words.
pub struct Row {
    pub name: String,
    pub url: String,
    pub handle: String,
    pub network: String,
    pub local: bool,
    /// "Municipality · FR · Hauts-de-France · 133,000 inhabitants"
    pub about: String,
    pub purposes: String,
    pub wishes: Vec<(String, String)>,
    pub description: String,
}

fn kind_label(code: &str, lang: Lang) -> String {
    code.parse::<OrgKind>()
        .map_or_else(|_| code.to_string(), |k| k.label(lang).to_string())
}

fn theme_label(slug: &str, lang: Lang) -> String {
    crate::vocab::theme(slug).map_or_else(|| slug.to_string(), |t| t.label(lang).to_string())
}

/// Kind, country, region and population in one line.
pub fn about(
    kind: Option<&str>,
    country: Option<&str>,
    region: Option<&str>,
    population: Option<i64>,
    tx: &Texts,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(k) = kind {
        parts.push(kind_label(k, tx.lang));
    }
    parts.extend(country.map(str::to_string));
    parts.extend(region.map(str::to_string));
    if let Some(p) = population {
        parts.push(tx.fmt(
            "partners-inhabitants",
            &[("n", crate::locale::format_number(p, tx.lang))],
        ));
    }
    parts.join(" · ")
}

/// `networks`: how each network answered, for their names (a row of a network that did
/// not name itself shows its host).
fn row(o: &LookingOrg, here: &str, networks: &[NetworkStatus], tx: &Texts) -> Row {
    let lang = tx.lang;
    let mut wishes = Vec::new();
    let mut wish = |id: &str, v: String| {
        if !v.is_empty() {
            wishes.push((tx.t(id).to_string(), v));
        }
    };
    let mut places = o.countries.clone();
    places.extend(o.regions.iter().cloned());
    wish("partners-wish-places", places.join(", "));
    wish(
        "partners-wish-themes",
        o.themes
            .iter()
            .map(|t| theme_label(t, lang))
            .collect::<Vec<_>>()
            .join(", "),
    );
    wish(
        "partners-wish-languages",
        o.languages
            .iter()
            .map(|l| language_name(l, lang))
            .collect::<Vec<_>>()
            .join(", "),
    );
    wish(
        "partners-wish-kinds",
        o.partner_kinds
            .iter()
            .map(|k| kind_label(k, lang))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let size = match (o.population_min, o.population_max) {
        (Some(lo), Some(hi)) => tx.fmt(
            "partners-size-range",
            &[
                ("min", crate::locale::format_number(lo, lang)),
                ("max", crate::locale::format_number(hi, lang)),
            ],
        ),
        (Some(lo), None) => tx.fmt(
            "partners-size-from",
            &[("min", crate::locale::format_number(lo, lang))],
        ),
        (None, Some(hi)) => tx.fmt(
            "partners-size-up-to",
            &[("max", crate::locale::format_number(hi, lang))],
        ),
        (None, None) => String::new(),
    };
    wish("partners-wish-size", size);
    Row {
        name: o.name.clone(),
        url: o.url.clone(),
        handle: o.handle.clone(),
        network: networks
            .iter()
            .find(|n| n.network.eq_ignore_ascii_case(&o.network))
            .map_or_else(|| o.network.clone(), |n| n.name_in(tx.lang).to_string()),
        local: o.network == here,
        about: about(
            o.kind.as_deref(),
            o.country.as_deref(),
            o.region.as_deref(),
            o.population,
            tx,
        ),
        purposes: o
            .purposes
            .iter()
            .filter_map(|p| Purpose::parse(p))
            .map(|p| p.label(lang).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        wishes,
        description: o.description.clone(),
    }
}

/// How each network answered, in words.
pub fn network_lines(networks: &[NetworkStatus], tx: &Texts) -> Vec<(String, String, bool)> {
    networks
        .iter()
        .map(|n| {
            let ok = matches!(n.status.as_str(), "local" | "answered");
            let text = match n.status.as_str() {
                "local" | "answered" => {
                    tx.fmt("partners-network-count", &[("n", n.count.to_string())])
                }
                "timeout" => tx.t("partners-network-timeout").to_string(),
                _ => tx.t("partners-network-failed").to_string(),
            };
            (n.name_in(tx.lang).to_string(), text, ok)
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
pub struct LookingForm {
    pub purpose: Option<String>,
    pub country: Option<String>,
    pub theme: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
    pub scope: Option<Scope>,
    pub lang: Option<String>,
}

type Options = Vec<(String, String, bool)>;

/// A filter's refusal by field, as `select.html` reads it.
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
}

fn options(values: Vec<(String, String)>, current: Option<&str>, any: &str) -> Options {
    std::iter::once((String::new(), any.to_string(), current.is_none()))
        .chain(values.into_iter().map(|(v, l)| {
            let selected = current == Some(v.as_str());
            (v, l, selected)
        }))
        .collect()
}

#[derive(Template)]
#[template(path = "partners/looking.html")]
struct LookingPage {
    layout: Layout,
    f: Texts,
    purposes: Options,
    themes: Options,
    kinds: Options,
    languages: Options,
    country: String,
    errors: Errors,
    rows: Vec<Row>,
    networks: Vec<(String, String, bool)>,
}

/// GET /partners.
pub async fn looking(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(form): Query<LookingForm>,
) -> AppResult<Response> {
    let pl = PageLang::of(
        &state,
        &headers,
        &LangQuery {
            lang: form.lang.clone(),
        },
    );
    let lang = pl.lang;
    let tx = Texts { lang };
    let query = LookingQuery {
        purpose: form.purpose.clone(),
        country: form.country.clone(),
        theme: form.theme.clone(),
        kind: form.kind.clone(),
        language: form.language.clone(),
        scope: form.scope,
    };
    let mut errors = Errors::default();
    let (rows, networks, filter) = match query.filter() {
        Ok(filter) => {
            let list =
                crate::partners::looking(&state, &filter, form.scope.unwrap_or_default()).await?;
            let here = state.config.instance.domain.clone();
            (
                list.organisations
                    .iter()
                    .map(|o| row(o, &here, &list.networks, &tx))
                    .collect(),
                network_lines(&list.networks, &tx),
                filter,
            )
        }
        Err(e) => {
            let message = e.message_in(lang).unwrap_or_else(|| e.message.clone());
            errors
                .0
                .insert(e.field.clone().unwrap_or_default(), message);
            (Vec::new(), Vec::new(), Default::default())
        }
    };
    let any = tx.t("partners-any");
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("purpose", &form.purpose),
        ("country", &form.country),
        ("theme", &form.theme),
        ("kind", &form.kind),
        ("language", &form.language),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            q.append_pair(k, v);
        }
    }
    let qs = q.finish();
    let path = if qs.is_empty() {
        "/partners".to_string()
    } else {
        format!("/partners?{qs}")
    };
    let layout = Layout::new(
        &state,
        pl,
        tx.t("partners-looking-title").to_string(),
        &path,
        Section::Other,
    );
    let failed = !errors.is_empty();
    let page = LookingPage {
        purposes: options(
            Purpose::ALL
                .iter()
                .map(|p| (p.code().to_string(), p.label(lang).to_string()))
                .collect(),
            filter.purpose.as_deref(),
            any,
        ),
        themes: options(
            THEMES
                .iter()
                .map(|t| (t.slug.to_string(), t.label(lang).to_string()))
                .collect(),
            filter.theme.as_deref(),
            any,
        ),
        kinds: options(
            OrgKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label(lang).to_string()))
                .collect(),
            filter.kind.as_deref(),
            any,
        ),
        languages: options(
            explain::NAMED_LANGUAGES
                .iter()
                .map(|l| (l.to_string(), language_name(l, lang)))
                .collect(),
            filter.language.as_deref(),
            any,
        ),
        country: form.country.clone().unwrap_or_default(),
        errors,
        rows,
        networks,
        f: tx,
        layout,
    };
    let resp = render(&state, &page, &page.layout)?;
    Ok(if failed {
        (StatusCode::UNPROCESSABLE_ENTITY, resp).into_response()
    } else {
        resp
    })
}
