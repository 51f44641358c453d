//! The partnership registry: filters (country pair, region pair, kind, status, founding
//! years, theme, confirmed), a server-drawn map of the matching partnerships, and the list,
//! 50 to a page. A filter that makes no sense is shown next to its field.

use super::{Layout, PageLang, Section, render};
use crate::db::models::actor::DbActor;
use crate::db::models::partnership::{DbPartnership, PartnershipFull, RegistryFilter};
use crate::db::models::showcase::partner_places;
use crate::error::AppResult;
use crate::state::AppState;
use crate::vocab::{Lang, PartnershipKind, PartnershipStatus, THEMES};
use crate::web::LangQuery;
use crate::web::i18n::{Strings, partnership_status};
use crate::web::map::{self, MapLine, MapPoint, MapText};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use std::collections::BTreeMap;

const PAGE: i64 = 50;
/// The map shows at most this many partnerships.
const MAP_LIMIT: i64 = 2000;

/// The filters as typed (everything a string, so that nonsense gets a message, not a 400).
#[derive(Debug, Default, Deserialize)]
pub struct RegistryParams {
    lang: Option<String>,
    country1: Option<String>,
    country2: Option<String>,
    region1: Option<String>,
    region2: Option<String>,
    kind: Option<String>,
    status: Option<String>,
    from_year: Option<String>,
    to_year: Option<String>,
    theme: Option<String>,
    confirmed: Option<String>,
    offset: Option<String>,
    /// The map's view (see [`map::Look::parse`]).
    view: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub struct Row {
    pub a_name: String,
    pub a_url: String,
    pub b_name: String,
    pub b_url: String,
    pub countries: String,
    pub kind: String,
    pub year: String,
    pub status: String,
}

/// A select box's options: (value, label, selected).
type Options = Vec<(String, String, bool)>;

#[derive(Template)]
#[template(path = "registry.html")]
struct RegistryPage {
    layout: Layout,
    /// Field name → message.
    errors: BTreeMap<&'static str, &'static str>,
    countries1: Options,
    countries2: Options,
    regions1: Options,
    regions2: Options,
    kinds: Options,
    statuses: Options,
    themes: Options,
    from_year: String,
    to_year: String,
    confirmed: bool,
    total: i64,
    rows: Vec<Row>,
    map: Option<String>,
    /// The links that move the map's view: (href, label).
    map_nav: Vec<(String, &'static str)>,
    /// Organisations in the matching partnerships without coordinates.
    unmapped: usize,
    previous: Option<String>,
    next: Option<String>,
}

fn options(values: &[(String, String)], current: Option<&str>, any: &str) -> Options {
    std::iter::once((String::new(), any.to_string(), current.is_none()))
        .chain(
            values
                .iter()
                .map(|(v, l)| (v.clone(), l.clone(), current == Some(v.as_str()))),
        )
        .collect()
}

fn link_of(state: &AppState, a: &DbActor) -> String {
    if a.local {
        state.urls.actor(&a.handle)
    } else {
        a.profile_url.clone().unwrap_or_else(|| a.ap_id.to_string())
    }
}

/// A status as a filter's option names it (declined ones are never shown).
fn status_label(t: &Strings, s: PartnershipStatus) -> &'static str {
    match s {
        PartnershipStatus::Proposed => t.status_proposed,
        PartnershipStatus::Dormant => t.status_dormant,
        PartnershipStatus::Ended => t.status_ended,
        PartnershipStatus::Active | PartnershipStatus::Declined => t.status_active,
    }
}

/// Reads the filters; a field that makes no sense gets a message and is left out.
fn filter_of(
    p: &RegistryParams,
    t: &'static Strings,
    errors: &mut BTreeMap<&'static str, &'static str>,
) -> RegistryFilter {
    let mut f = RegistryFilter::default();
    match (given(&p.country1), given(&p.country2)) {
        (Some(a), Some(b)) => f.countries = Some((a.to_uppercase(), b.to_uppercase())),
        (Some(_), None) => {
            errors.insert("country2", t.choose_both);
        }
        (None, Some(_)) => {
            errors.insert("country1", t.choose_both);
        }
        (None, None) => {}
    }
    match (given(&p.region1), given(&p.region2)) {
        (Some(a), Some(b)) => f.regions = Some((a.to_string(), b.to_string())),
        (Some(_), None) => {
            errors.insert("region2", t.choose_both);
        }
        (None, Some(_)) => {
            errors.insert("region1", t.choose_both);
        }
        (None, None) => {}
    }
    f.kind = given(&p.kind).and_then(|k| k.parse::<PartnershipKind>().ok());
    f.status = given(&p.status)
        .and_then(|s| s.parse::<PartnershipStatus>().ok())
        .filter(|s| PartnershipStatus::SHOWN.contains(s));
    f.theme = given(&p.theme)
        .filter(|s| crate::vocab::theme(s).is_some())
        .map(str::to_string);
    let year = |field: &'static str, v: &Option<String>, errors: &mut BTreeMap<_, _>| {
        let v = given(v)?;
        match v.parse::<i32>() {
            Ok(y) if (1000..=9999).contains(&y) => Some(y),
            _ => {
                errors.insert(field, t.year_invalid);
                None
            }
        }
    };
    f.from_year = year("from_year", &p.from_year, errors);
    f.to_year = year("to_year", &p.to_year, errors);
    f.confirmed_only = given(&p.confirmed).is_some_and(|c| c != "false");
    f
}

/// The query string of the current filters (without language or offset).
fn filter_query(p: &RegistryParams) -> String {
    let pairs = [
        ("country1", &p.country1),
        ("country2", &p.country2),
        ("region1", &p.region1),
        ("region2", &p.region2),
        ("kind", &p.kind),
        ("status", &p.status),
        ("from_year", &p.from_year),
        ("to_year", &p.to_year),
        ("theme", &p.theme),
        ("confirmed", &p.confirmed),
    ];
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if let Some(v) = given(v) {
            s.append_pair(k, v);
        }
    }
    s.finish()
}

/// The map of `rows` seen as `look`, the links that move it (`link` makes a view's link), and
/// how many organisations it leaves out for want of coordinates.
fn map_of(
    state: &AppState,
    rows: &[PartnershipFull],
    t: &Strings,
    look: map::Look,
    link: &dyn Fn(&str) -> String,
) -> (Option<String>, Vec<(String, &'static str)>, usize) {
    let mut points: Vec<MapPoint> = Vec::new();
    let mut unmapped = std::collections::BTreeSet::new();
    let mut lines = Vec::new();
    for p in rows {
        for side in [&p.subject, &p.object] {
            let key = side.ap_id.to_string();
            match (side.latitude, side.longitude) {
                (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => {
                    if !points.iter().any(|m| m.key == key) {
                        points.push(MapPoint {
                            key,
                            name: side.name.clone(),
                            href: link_of(state, side),
                            lat,
                            lon,
                        });
                    }
                }
                _ => {
                    unmapped.insert(key);
                }
            }
        }
        lines.push(MapLine {
            a: p.subject.ap_id.to_string(),
            b: p.object.ap_id.to_string(),
            label: format!("{} – {}", p.subject.name, p.object.name),
            confirmed: p.partnership.confirmed,
        });
    }
    let svg = map::svg(
        &points,
        &lines,
        &MapText {
            title: t.map,
            desc: t.map_description,
            tiles: &state.config.web.map_tiles,
            attribution: &state.config.web.map_attribution,
            zoom_link: Some(link),
        },
        look,
    );
    let Some(drawn) = svg else {
        return (None, vec![], unmapped.len());
    };
    let n = drawn.nav;
    let mut nav = Vec::new();
    if let Some(v) = n.zoom_in {
        nav.push((link(&v), t.map_zoom_in));
    }
    if let Some(v) = n.zoom_out {
        nav.push((link(&v), t.map_zoom_out));
    }
    if let Some(v) = n.fit {
        nav.push((link(&v), t.map_fit));
    }
    if n.moved {
        nav.push((link(""), t.map_overview));
    }
    (Some(drawn.svg), nav, unmapped.len())
}

pub async fn registry(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<RegistryParams>,
) -> AppResult<Response> {
    let lq = LangQuery {
        lang: p.lang.clone(),
    };
    let pl = PageLang::of(&state, &headers, &lq);
    let lang = pl.lang;
    let t = crate::web::i18n::strings(lang);
    let mut errors = BTreeMap::new();
    let filter = filter_of(&p, t, &mut errors);
    let offset = given(&p.offset)
        .and_then(|o| o.parse::<i64>().ok())
        .unwrap_or(0)
        .max(0);
    let mut conn = state.conn().await?;
    let (countries, regions) = partner_places(&mut conn).await?;
    let (page_rows, total) = DbPartnership::registry(&mut conn, &filter, PAGE, offset).await?;
    let (map_rows, _) = DbPartnership::registry(&mut conn, &filter, MAP_LIMIT, 0).await?;
    drop(conn);
    let query = filter_query(&p);
    // The registry with the current filters and a map's view (none: the default one).
    let with_view = |view: Option<&str>| {
        let mut q = url::form_urlencoded::Serializer::new(query.clone());
        if let Some(v) = view.filter(|v| !v.is_empty()) {
            q.append_pair("view", v);
        }
        let q = q.finish();
        let sep = if q.is_empty() { "" } else { "?" };
        format!("/registry{sep}{q}")
    };
    // The map's links keep the filters and come back to the map.
    let view_link = |v: &str| format!("{}#map-h", with_view(Some(v)));
    let look = map::Look::parse(given(&p.view));
    let (map, map_nav, unmapped) = map_of(&state, &map_rows, t, look, &view_link);
    let path = with_view(given(&p.view));
    let at = |o: i64| {
        let sep = if query.is_empty() { "" } else { "&" };
        format!("/registry?{query}{sep}offset={o}")
    };
    let pairs = |v: &[String]| -> Vec<(String, String)> {
        v.iter().map(|c| (c.clone(), c.clone())).collect()
    };
    let layout = Layout::new(&state, pl, t.registry.to_string(), &path, Section::Registry);
    let page = RegistryPage {
        countries1: options(&pairs(&countries), given(&p.country1), t.any),
        countries2: options(&pairs(&countries), given(&p.country2), t.any),
        regions1: options(&regions, given(&p.region1), t.any),
        regions2: options(&regions, given(&p.region2), t.any),
        kinds: options(
            &PartnershipKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label(lang).to_string()))
                .collect::<Vec<_>>(),
            filter.kind.map(PartnershipKind::code),
            t.any,
        ),
        statuses: options(
            &PartnershipStatus::SHOWN
                .iter()
                .map(|s| (s.code().to_string(), status_label(t, *s).to_string()))
                .collect::<Vec<_>>(),
            filter.status.map(PartnershipStatus::code),
            t.any,
        ),
        themes: options(&sorted_themes(lang), filter.theme.as_deref(), t.any),
        from_year: given(&p.from_year).unwrap_or_default().to_string(),
        to_year: given(&p.to_year).unwrap_or_default().to_string(),
        confirmed: filter.confirmed_only,
        total,
        rows: page_rows
            .iter()
            .map(|r| {
                let c = |a: &DbActor| a.country.clone().unwrap_or_else(|| "?".into());
                Row {
                    a_name: r.subject.name.clone(),
                    a_url: link_of(&state, &r.subject),
                    b_name: r.object.name.clone(),
                    b_url: link_of(&state, &r.object),
                    countries: format!("{} – {}", c(&r.subject), c(&r.object)),
                    kind: r.partnership.kind.label(lang).to_string(),
                    year: r
                        .partnership
                        .founded_year
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                    status: partnership_status(r.partnership.status, r.partnership.confirmed, lang)
                        .to_string(),
                }
            })
            .collect(),
        map,
        map_nav,
        unmapped,
        previous: (offset > 0).then(|| at((offset - PAGE).max(0))),
        next: (offset + PAGE < total).then(|| at(offset + PAGE)),
        errors,
        layout,
    };
    render(&state, &page, &page.layout)
}

fn sorted_themes(lang: Lang) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = THEMES
        .iter()
        .map(|t| (t.slug.to_string(), t.label(lang).to_string()))
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1));
    v
}
