//! `/search`: the search page, across networks, with facets as links that narrow the search.
//! Works without JavaScript; a query that cannot be read is shown again with the error next
//! to the field.

use super::LangQuery;
use super::i18n::{SearchStrings, format_date, format_number, search_strings};
use super::pages::{Layout, PageLang, Section, render};
use crate::error::AppResult;
use crate::search::{self, Answer, Scope, SearchParams, Sort};
use crate::state::AppState;
use crate::vocab::{Lang, OrgKind, theme};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

pub struct HitView {
    pub url: String,
    pub title: String,
    /// The language of the title when it is not the page's (for `lang`).
    pub title_lang: Option<String>,
    pub kind: &'static str,
    /// Built by the search (escaped text and `<mark>`), so shown as HTML.
    pub snippet: String,
    /// The language of the snippet when it is not the page's.
    pub snippet_lang: Option<String>,
    pub meta: String,
    /// Hashtags with the address of their page.
    pub tags: Vec<(String, String)>,
}

/// A hit's language as a `lang` attribute needs it: only when known and not the page's.
fn other_lang(l: &Option<String>, page: Lang) -> Option<String> {
    l.clone()
        .filter(|l| l != "und" && !l.eq_ignore_ascii_case(page.code()))
}

pub struct FacetLink {
    pub label: String,
    /// None when the answer is capped: the counts would be of the newest matches only.
    pub count: Option<String>,
    pub href: String,
    pub current: bool,
}

pub struct FacetView {
    pub name: &'static str,
    pub links: Vec<FacetLink>,
}

pub struct NetworkView {
    pub network: String,
    pub status: &'static str,
    pub ok: bool,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    layout: Layout,
    s: &'static SearchStrings,
    params: SearchParams,
    sort_newest: bool,
    only_here: bool,
    error: Option<String>,
    searched: bool,
    /// "12 matches", in the visitor's language ("More than 2,000 matches" when capped).
    matches: String,
    /// More matched than were ranked and counted (`Answer::capped`).
    capped: bool,
    hits: Vec<HitView>,
    facets: Vec<FacetView>,
    networks: Vec<NetworkView>,
    filtered: bool,
    clear_href: String,
    next_href: Option<String>,
    previous_href: Option<String>,
}

/// The page's address with some parameters changed (`None` removes one).
fn href(params: &SearchParams, lang: Lang, change: &[(&str, Option<String>)]) -> String {
    let mut pairs: Vec<(String, String)> = vec![("q".into(), params.q.clone())];
    let current = [
        ("kind", params.kind.clone()),
        ("theme", params.theme.clone()),
        ("sdg", params.sdg.clone()),
        ("country", params.country.clone()),
        ("region", params.region.clone()),
        ("org_kind", params.org_kind.clone()),
        ("language", params.lang.clone()),
        ("network", params.network.clone()),
        ("from", params.from.clone()),
        ("to", params.to.clone()),
        (
            "sort",
            params.sort.map(|s| match s {
                Sort::Relevance => "relevance".to_string(),
                Sort::Newest => "newest".to_string(),
            }),
        ),
        (
            "scope",
            (params.scope == Some(Scope::Local)).then(|| "local".to_string()),
        ),
        (
            "offset",
            params.offset.filter(|o| *o > 0).map(|o| o.to_string()),
        ),
    ];
    for (k, v) in current {
        let v = match change.iter().find(|(c, _)| *c == k) {
            Some((_, changed)) => changed.clone(),
            None => v,
        };
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            pairs.push((k.into(), v));
        }
    }
    pairs.push(("lang".into(), lang.code().into()));
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("/search?{query}")
}

fn facet_label(facet: &str, value: &str, lang: Lang) -> String {
    match facet {
        "theme" => theme(value).map_or(value.to_string(), |t| t.label(lang).to_string()),
        "sdg" => value.parse::<i16>().map_or(value.to_string(), |goal| {
            format!("{goal}. {}", crate::vocab::sdg_name(goal, lang))
        }),
        "org_kind" => value
            .parse::<OrgKind>()
            .map_or(value.to_string(), |k| k.label(lang).to_string()),
        "kind" => {
            let s = search_strings(lang);
            match value {
                "organisation" => s.organisations,
                "partnership" => s.partnerships,
                "post" => s.posts,
                other => other,
            }
            .to_string()
        }
        "language" => value
            .parse::<Lang>()
            .map_or(value.to_string(), |l| l.endonym().to_string()),
        _ => value.to_string(),
    }
}

/// A network (its host, as documents name it) by the name it gave in `lang` or another
/// language, when it answered this search; else by its host.
fn network_name(answer: &Answer, host: &str, lang: Lang) -> String {
    answer
        .networks
        .iter()
        .find(|n| n.network.eq_ignore_ascii_case(host))
        .map_or_else(|| host.to_string(), |n| n.name_in(lang).to_string())
}

fn view(answer: &Answer, params: &SearchParams, lang: Lang) -> (Vec<HitView>, Vec<FacetView>) {
    let s = search_strings(lang);
    let hits = answer
        .hits
        .iter()
        .map(|h| HitView {
            url: h.url.clone(),
            title: h.title.clone(),
            title_lang: other_lang(&h.language, lang),
            snippet_lang: other_lang(&h.snippet_language, lang),
            tags: h
                .hashtags
                .iter()
                .map(|t| {
                    let slug = t.trim_start_matches('#').to_lowercase();
                    (t.clone(), format!("/tags/{slug}?lang={}", lang.code()))
                })
                .collect(),
            kind: match h.kind.as_str() {
                "organisation" => s.organisations,
                "partnership" => s.partnerships,
                _ => s.posts,
            },
            snippet: h.snippet.clone(),
            meta: [
                h.author_name.clone().unwrap_or_default(),
                network_name(answer, &h.network, lang),
                format_date(h.published.date_naive(), lang),
            ]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        })
        .collect();
    let names: [(&str, &'static str, Option<&String>); 9] = [
        ("kind", s.f_kind, params.kind.as_ref()),
        ("theme", s.f_theme, params.theme.as_ref()),
        ("sdg", s.f_sdg, params.sdg.as_ref()),
        ("country", s.f_country, params.country.as_ref()),
        ("region", s.f_region, params.region.as_ref()),
        ("org_kind", s.f_org_kind, params.org_kind.as_ref()),
        ("language", s.f_language, params.lang.as_ref()),
        ("year", s.f_year, None),
        ("network", s.f_network, params.network.as_ref()),
    ];
    let facets = names
        .iter()
        .filter_map(|(key, name, chosen)| {
            let values = answer.facets.get(*key)?;
            let param = *key;
            // With a value of this facet chosen, its other values' counts are of the hits
            // that have both, while choosing one of them would replace the first: only the
            // chosen value is shown (its count is the hits'), and choosing it again removes it.
            let links = values
                .iter()
                .filter(|v| chosen.is_none_or(|c| c.eq_ignore_ascii_case(&v.value)))
                .map(|v| {
                    let current = chosen.is_some_and(|c| c.eq_ignore_ascii_case(&v.value));
                    let change: Vec<(&str, Option<String>)> = if *key == "year" {
                        vec![
                            ("from", Some(format!("{}-01-01", v.value))),
                            ("to", Some(format!("{}-12-31", v.value))),
                            ("offset", None),
                        ]
                    } else {
                        vec![
                            (param, (!current).then(|| v.value.clone())),
                            ("offset", None),
                        ]
                    };
                    FacetLink {
                        label: if *key == "network" {
                            network_name(answer, &v.value, lang)
                        } else {
                            facet_label(key, &v.value, lang)
                        },
                        count: (!answer.capped).then(|| format_number(v.count, lang)),
                        href: href(params, lang, &change),
                        current,
                    }
                })
                .collect::<Vec<_>>();
            (!links.is_empty()).then_some(FacetView { name, links })
        })
        .collect();
    (hits, facets)
}

/// On this page, as on every page, `lang` is the interface language (`ui` is also read);
/// the results' language is filtered with `language`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageParams {
    lang: Option<String>,
    ui: Option<String>,
    language: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<SearchParams>, QueryRejection>,
    Query(page): Query<PageParams>,
) -> AppResult<Response> {
    let pl = PageLang::of(
        &state,
        &headers,
        &LangQuery {
            lang: page.ui.or(page.lang),
        },
    );
    let lang = pl.lang;
    let s = search_strings(lang);
    let mut error = None;
    let params = match params {
        Ok(Query(mut p)) => {
            p.lang = page.language;
            p.display_lang = Some(lang.code().to_string());
            p
        }
        Err(e) => {
            // A parameter that cannot be read (a sort or number typed into the address): said
            // in the reader's language; the parser's English words go to the log.
            tracing::debug!(error = %e.body_text(), "search parameters not read");
            error = Some(
                crate::locale::text(lang, "search-bad-parameter")
                    .unwrap_or("?")
                    .to_string(),
            );
            SearchParams::default()
        }
    };
    let mut answer = None;
    let searched = !params.q.trim().is_empty();
    if searched && error.is_none() {
        let result = match params.check() {
            Ok(checked) => search::run(&state, &checked).await,
            Err(e) => Err(e),
        };
        match result {
            Ok(a) => answer = Some(a),
            // A query or filter refused: said in the reader's language where the check has
            // the words for it.
            Err(e) if e.status.is_client_error() => {
                error = Some(e.message_in(lang).unwrap_or(e.message))
            }
            Err(e) => return Err(e),
        }
    }
    let (hits, facets) = answer
        .as_ref()
        .map(|a| view(a, &params, lang))
        .unwrap_or_default();
    let networks = answer
        .as_ref()
        .map(|a| {
            a.networks
                .iter()
                .map(|n| NetworkView {
                    network: n.name_in(lang).to_string(),
                    status: match n.status.as_str() {
                        "local" => s.local,
                        "answered" => s.answered,
                        "timeout" => s.timeout,
                        _ => s.failed,
                    },
                    ok: matches!(n.status.as_str(), "local" | "answered"),
                })
                .collect()
        })
        .unwrap_or_default();
    let offset = params.offset.unwrap_or(0).max(0);
    let limit = params.limit.unwrap_or(20).clamp(1, search::MAX_LIMIT);
    let total = answer.as_ref().map_or(0, |a| a.total);
    let capped = answer.as_ref().is_some_and(|a| a.capped);
    let next_href =
        (answer.is_some() && offset + limit < total && offset + 2 * limit <= search::MAX_DEPTH)
            .then(|| {
                href(
                    &params,
                    lang,
                    &[("offset", Some((offset + limit).to_string()))],
                )
            });
    let previous_href = (answer.is_some() && offset > 0).then(|| {
        href(
            &params,
            lang,
            &[("offset", Some((offset - limit).max(0).to_string()))],
        )
    });
    let filtered = [
        &params.kind,
        &params.theme,
        &params.sdg,
        &params.country,
        &params.region,
        &params.org_kind,
        &params.lang,
        &params.network,
        &params.from,
        &params.to,
    ]
    .iter()
    .any(|v| v.as_deref().is_some_and(|v| !v.is_empty()));
    let clear_href = href(
        &params,
        lang,
        &[
            ("kind", None),
            ("theme", None),
            ("sdg", None),
            ("country", None),
            ("region", None),
            ("org_kind", None),
            ("language", None),
            ("network", None),
            ("from", None),
            ("to", None),
            ("offset", None),
        ],
    );
    let mut layout = Layout::new(&state, pl, s.title.to_string(), "/search", Section::Search);
    // Keep the query when the visitor switches language.
    for (l, link, _) in &mut layout.switch {
        *link = href(&params, *l, &[]);
    }
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let page = SearchPage {
        layout,
        s,
        sort_newest: params.sort == Some(Sort::Newest),
        only_here: params.scope == Some(Scope::Local),
        error,
        searched,
        matches: if capped {
            super::i18n::strings(lang).search_matches_more(total)
        } else {
            super::i18n::strings(lang).search_matches_count(total)
        },
        capped,
        hits,
        facets,
        networks,
        filtered,
        clear_href,
        next_href,
        previous_href,
        params,
    };
    let mut resp = render(&state, &page, &page.layout)?;
    *resp.status_mut() = status;
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_search_and_change_one_thing() {
        let p = SearchParams {
            q: "klima & co".into(),
            theme: Some("climate".into()),
            offset: Some(20),
            ..SearchParams::default()
        };
        assert_eq!(
            href(
                &p,
                Lang::Fr,
                &[("theme", None), ("country", Some("DE".into()))]
            ),
            "/search?q=klima+%26+co&country=DE&offset=20&lang=fr"
        );
    }

    #[test]
    fn a_capped_answer_shows_facet_values_without_counts() {
        let mut facets = search::Facets::new();
        facets.insert(
            "theme".into(),
            vec![search::FacetValue {
                value: "climate".into(),
                count: 1234,
            }],
        );
        let mut answer = Answer {
            query: "partnerschaft".into(),
            sort: Sort::Relevance,
            total: 2000,
            capped: false,
            offset: 0,
            hits: vec![],
            facets,
            networks: vec![],
            resolved: None,
        };
        let p = SearchParams {
            q: "partnerschaft".into(),
            ..SearchParams::default()
        };
        let count = |a: &Answer| view(a, &p, Lang::De).1[0].links[0].count.clone();
        assert_eq!(count(&answer).as_deref(), Some("1.234"));
        answer.capped = true;
        assert_eq!(
            count(&answer),
            None,
            "counts of the newest only are not shown"
        );
        assert_eq!(
            crate::web::i18n::strings(Lang::De).search_matches_more(2000),
            "Mehr als 2.000 Treffer"
        );
    }

    /// The network facet names each network as the network itself does, in the reader's
    /// language, and by its host only when it gave no name (or did not answer).
    #[test]
    fn the_network_facet_names_networks() {
        let mut facets = search::Facets::new();
        facets.insert(
            "network".into(),
            ["nrw.example", "other.example"]
                .into_iter()
                .map(|n| search::FacetValue {
                    value: n.into(),
                    count: 3,
                })
                .collect(),
        );
        let answer = Answer {
            query: "jugend".into(),
            sort: Sort::Relevance,
            total: 6,
            capped: false,
            offset: 0,
            hits: vec![],
            facets,
            networks: vec![search::NetworkAnswer {
                network: "nrw.example".into(),
                status: "answered".into(),
                total: 3,
                hits: 3,
                milliseconds: 12,
                capped: false,
                error: None,
                names: [
                    ("de".to_string(), "Netzwerk NRW".to_string()),
                    ("fr".to_string(), "Réseau NRW".to_string()),
                ]
                .into(),
            }],
            resolved: None,
        };
        let p = SearchParams {
            q: "jugend".into(),
            ..SearchParams::default()
        };
        let labels = |lang| {
            view(&answer, &p, lang).1[0]
                .links
                .iter()
                .map(|l| l.label.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(Lang::Fr), ["Réseau NRW", "other.example"]);
        assert_eq!(labels(Lang::It), ["Netzwerk NRW", "other.example"]);
    }
}
