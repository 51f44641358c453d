//! Cross-network search: full-text search over organisations, partnerships and posts (local
//! and received) with facets, fanned out to the federation's peers within a time budget and
//! merged; peers' requests answered with our own indexable content only.
//!
//! - `query`: reading what a person typed;
//! - `indexer`: builds the documents that changes queued (`search_pending`);
//! - `local`: the PostgreSQL query over `search_documents`;
//! - `peers`: the signed fan-out to peers, and checking peers' requests.

pub mod indexer;
pub mod local;
pub mod peers;
pub mod query;

use crate::error::AppError;
use crate::state::AppState;
use crate::vocab::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use query::ParsedQuery;

/// The most hits one answer holds, and how deep one may page.
pub const MAX_LIMIT: i64 = 50;
pub const MAX_DEPTH: i64 = 200;

#[derive(utoipa::ToSchema, Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
}

#[derive(utoipa::ToSchema, Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// This instance's index and every peer's answer.
    #[default]
    All,
    /// This instance's index only (which holds what subscribed networks sent).
    Local,
}

/// A search as asked for in a query string (API, web page, peers).
#[derive(utoipa::IntoParams, Debug, Clone, Default, Serialize, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// What to find: words (all must appear), `prefix*`, `"a phrase"`, and `-word` or
    /// `-"a phrase"` to leave out; at most 300 characters and 12 words and phrases.
    #[serde(default)]
    pub q: String,
    /// organisation, partnership or post.
    pub kind: Option<String>,
    pub theme: Option<String>,
    pub sdg: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub org_kind: Option<String>,
    pub lang: Option<String>,
    pub network: Option<String>,
    /// The language to show hits in where they have it (titles, summaries, snippets,
    /// hashtags), else their main language: the reader's, not a filter (that is `lang`).
    pub display_lang: Option<String>,
    /// Published on or after / before this day (YYYY-MM-DD).
    pub from: Option<String>,
    pub to: Option<String>,
    #[param(inline)]
    pub sort: Option<Sort>,
    #[param(inline)]
    pub scope: Option<Scope>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// A checked search.
#[derive(Debug, Clone)]
pub struct Search {
    pub text: String,
    pub query: ParsedQuery,
    pub kind: Option<String>,
    pub theme: Option<String>,
    pub sdg: Option<i16>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub org_kind: Option<String>,
    pub lang: Option<String>,
    pub network: Option<String>,
    pub display_lang: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: Sort,
    pub scope: Scope,
    pub limit: i64,
    pub offset: i64,
    /// The most matches ranked and counted (`local::CANDIDATES`; tests ask for fewer).
    pub candidates: i64,
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A search that cannot be read: 400 (not 422: the query string itself is at fault),
/// naming the parameter.
pub(crate) fn bad(field: &str, message: impl Into<String>) -> AppError {
    let mut e = AppError::invalid(field, message);
    e.status = axum::http::StatusCode::BAD_REQUEST;
    e.code = "bad_query";
    e
}

impl SearchParams {
    pub fn check(&self) -> Result<Search, AppError> {
        let query = ParsedQuery::parse(&self.q)?;
        let kind = nonempty(&self.kind);
        if let Some(k) = &kind
            && !["organisation", "partnership", "post"].contains(&k.as_str())
        {
            return Err(bad("kind", "is one of organisation, partnership, post"));
        }
        let sdg = match nonempty(&self.sdg) {
            None => None,
            Some(s) => match s.parse::<i16>() {
                Ok(n) if (1..=17).contains(&n) => Some(n),
                _ => return Err(bad("sdg", "is a Sustainable Development Goal, 1 to 17")),
            },
        };
        let lang = nonempty(&self.lang);
        if let Some(l) = &lang
            && l.parse::<Lang>().is_err()
            && !crate::orgs::is_language_code(l)
        {
            return Err(bad("lang", "is a language code such as de or fr"));
        }
        let display_lang = nonempty(&self.display_lang).map(|l| l.to_ascii_lowercase());
        if let Some(l) = &display_lang
            && l.parse::<Lang>().is_err()
            && !crate::orgs::is_language_code(l)
        {
            return Err(bad("display_lang", "is a language code such as de or fr"));
        }
        let day = |field: &str, v: &Option<String>| -> Result<Option<NaiveDate>, AppError> {
            nonempty(v)
                .map(|s| {
                    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                        .map_err(|_| bad(field, "is a date written YYYY-MM-DD"))
                })
                .transpose()
        };
        let from = day("from", &self.from)?;
        let to = day("to", &self.to)?;
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            return Err(bad("to", "comes before `from`"));
        }
        let limit = self.limit.unwrap_or(20);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(bad("limit", format!("is between 1 and {MAX_LIMIT}")));
        }
        let offset = self.offset.unwrap_or(0);
        if offset < 0 || offset.checked_add(limit).is_none_or(|end| end > MAX_DEPTH) {
            return Err(bad(
                "offset",
                format!("with `limit` reaches at most {MAX_DEPTH} hits deep"),
            ));
        }
        Ok(Search {
            text: self.q.trim().to_string(),
            query,
            kind,
            theme: nonempty(&self.theme),
            sdg,
            country: nonempty(&self.country).map(|c| c.to_ascii_uppercase()),
            region: nonempty(&self.region),
            org_kind: nonempty(&self.org_kind),
            lang,
            network: nonempty(&self.network).map(|n| n.to_ascii_lowercase()),
            display_lang,
            from,
            to,
            sort: self.sort.unwrap_or_default(),
            scope: self.scope.unwrap_or_default(),
            limit,
            offset,
            candidates: local::CANDIDATES,
        })
    }
}

impl Search {
    /// The same search as query-string pairs, for a peer (its own content, from the top).
    pub fn peer_params(&self) -> Vec<(&'static str, String)> {
        let mut p = vec![
            ("q", self.text.clone()),
            ("limit", (self.offset + self.limit).to_string()),
            (
                "sort",
                match self.sort {
                    Sort::Relevance => "relevance",
                    Sort::Newest => "newest",
                }
                .into(),
            ),
        ];
        let opt = [
            ("kind", self.kind.clone()),
            ("theme", self.theme.clone()),
            ("sdg", self.sdg.map(|s| s.to_string())),
            ("country", self.country.clone()),
            ("region", self.region.clone()),
            ("org_kind", self.org_kind.clone()),
            ("lang", self.lang.clone()),
            ("network", self.network.clone()),
            ("display_lang", self.display_lang.clone()),
            ("from", self.from.map(|d| d.to_string())),
            ("to", self.to.map(|d| d.to_string())),
        ];
        p.extend(opt.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
        p
    }
}

/// One thing found.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize, PartialEq)]
#[schema(as = SearchHit)]
pub struct Hit {
    pub kind: String,
    pub ap_id: String,
    pub url: String,
    /// The title in the language asked for (`display_lang`) where the item has it, else in
    /// its main language.
    pub title: String,
    /// The language of `title` and `summary`.
    #[serde(default)]
    pub language: Option<String>,
    /// Plain text, in the language of `title`.
    #[serde(default)]
    pub summary: Option<String>,
    /// HTML: escaped text with the matched words in `<mark>`, cut from one language version:
    /// that of `title` when the query matches it, else one that the query matches.
    pub snippet: String,
    /// The language of `snippet`.
    #[serde(default)]
    pub snippet_language: Option<String>,
    pub network: String,
    #[serde(default)]
    pub author_name: Option<String>,
    #[serde(default)]
    pub author_ap_id: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub sdgs: Vec<i16>,
    /// The themes' and SDGs' hashtags, the themes' in the language of `title`.
    #[serde(default)]
    pub hashtags: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    pub published: DateTime<Utc>,
    /// Relevance in [0, 1): ts_rank (weights: title A, summary B, …) normalised as
    /// rank / (rank + 1).
    pub score: f64,
}

#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: i64,
}

/// Counts per facet (kind, theme, sdg, country, region, org_kind, language, year, network).
pub type Facets = BTreeMap<String, Vec<FacetValue>>;

/// A facet's values with their counts: the `keep` most frequent, by count and then by
/// value (byte order).
fn top_values(counts: impl IntoIterator<Item = (String, i64)>, keep: usize) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, count)| FacetValue { value, count })
        .collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values.truncate(keep);
    values
}

/// How one network answered.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[schema(as = SearchNetwork)]
pub struct NetworkAnswer {
    pub network: String,
    /// local, answered, timeout or failed.
    pub status: String,
    pub total: i64,
    pub hits: usize,
    pub milliseconds: u64,
    /// More than `total` matched here (see `Answer::capped`).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub capped: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
    /// The network's name in each language its operator gave one (`instance.name`), for
    /// pages to show instead of the host; empty when a peer did not say.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub names: BTreeMap<String, String>,
}

impl NetworkAnswer {
    /// The network's name in `lang`, or in another language, or its host.
    pub fn name_in(&self, lang: crate::vocab::Lang) -> &str {
        self.names
            .get(lang.code())
            .or_else(|| self.names.values().next())
            .unwrap_or(&self.network)
    }
}

/// The result of a search on one index (ours, or a peer's answer).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Found {
    /// Every match; when `capped`, a lower bound (the candidates that were looked at).
    pub total: i64,
    /// More than `total` matched: the hits were sorted and the facets counted over the
    /// newest `total` matches only (see `local::CANDIDATES`).
    #[serde(default)]
    pub capped: bool,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// The answering network's names by language code (see `NetworkAnswer::names`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub network_names: BTreeMap<String, String>,
}

/// A search's answer: merged hits, summed facets, and which networks answered.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize)]
#[schema(as = SearchAnswer)]
pub struct Answer {
    pub query: String,
    pub sort: Sort,
    /// Matches over every network that answered; a match held by two networks counts once
    /// when both returned it among their hits (beyond the hits, the count may hold both).
    /// When `capped`, a lower bound.
    pub total: i64,
    /// Some network had more matches than it ranks: there are more than `total`; the hits
    /// are the best (or newest) of each network's newest matches, and the facets count
    /// those. Narrowing the search (more words, a filter) gives exact counts again.
    #[serde(default)]
    pub capped: bool,
    pub offset: i64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    pub networks: Vec<NetworkAnswer>,
    /// An actor or post named by handle or URL in the query, looked up as Mastodon does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<serde_json::Value>,
}

/// Merges several indexes' results: duplicates (same ActivityPub id) counted once with
/// their best score, ordered as asked, facet counts summed.
/// This network's names by language code, as peers and pages show them.
pub fn network_names(state: &AppState) -> BTreeMap<String, String> {
    state
        .config
        .instance
        .name
        .iter()
        .map(|(l, n)| (l.code().to_string(), n.clone()))
        .collect()
}

/// The peers' search endpoint (`/federation/search`, signed by a peer's instance actor).
pub fn router() -> axum::Router<AppState> {
    axum::Router::new().route("/federation/search", axum::routing::get(peers::answer))
}

/// What `merge` makes of several indexes' results.
pub struct Merged {
    pub total: i64,
    pub capped: bool,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

pub fn merge(search: &Search, parts: Vec<Found>) -> Merged {
    let mut total = 0;
    let mut capped = false;
    let mut by_id: BTreeMap<String, Hit> = BTreeMap::new();
    let mut facets: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for part in parts {
        total += part.total;
        capped |= part.capped;
        for hit in part.hits {
            match by_id.get(&hit.ap_id) {
                Some(h) => {
                    // Held by two networks (a relayed copy): counted once.
                    total -= 1;
                    if h.score < hit.score {
                        by_id.insert(hit.ap_id.clone(), hit);
                    }
                }
                None => {
                    by_id.insert(hit.ap_id.clone(), hit);
                }
            }
        }
        for (facet, values) in part.facets {
            let slot = facets.entry(facet).or_default();
            for v in values {
                *slot.entry(v.value).or_default() += v.count;
            }
        }
    }
    let mut hits: Vec<Hit> = by_id.into_values().collect();
    match search.sort {
        Sort::Relevance => hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.published.cmp(&a.published))
        }),
        Sort::Newest => hits.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then(b.score.total_cmp(&a.score))
        }),
    }
    let hits = hits
        .into_iter()
        .skip(search.offset as usize)
        .take(search.limit as usize)
        .collect();
    let facets = facets
        .into_iter()
        .map(|(name, values)| (name, top_values(values, local::FACET_VALUES)))
        .collect();
    Merged {
        total,
        capped,
        hits,
        facets,
    }
}

/// Searches our index and, for `scope=all`, every peer at once; merges what came back.
///
/// Each match is counted once, in the hits as in the facets: a peer answers for its own
/// content, so what we hold of a peer's content (relayed or fetched copies) is left out of our
/// part while the peer is asked, and searched afterwards only for the peers that did not
/// answer.
pub async fn run(state: &AppState, search: &Search) -> Result<Answer, AppError> {
    let started = std::time::Instant::now();
    let asked = match search.scope {
        Scope::All => state.config.federation.peers.clone(),
        Scope::Local => vec![],
    };
    let ours = async {
        let mut conn = state.conn().await?;
        let holdings = if asked.is_empty() {
            local::Holdings::All
        } else {
            local::Holdings::Except(&asked)
        };
        local::search(&mut conn, search, holdings).await
    };
    let theirs = async {
        match search.scope {
            Scope::All => peers::fan_out(state, search).await,
            Scope::Local => vec![],
        }
    };
    let (ours, theirs) = tokio::join!(ours, theirs);
    let mut ours = ours?;
    let silent: Vec<String> = theirs
        .iter()
        .filter(|(_, found)| found.is_none())
        .map(|(answer, _)| answer.network.clone())
        .collect();
    let mut copies = None;
    if !silent.is_empty() {
        let mut conn = state.conn().await?;
        let found = local::search(&mut conn, search, local::Holdings::Only(&silent)).await?;
        ours.total += found.total;
        ours.capped |= found.capped;
        copies = Some(found);
    }
    let mut networks = vec![NetworkAnswer {
        network: state.config.instance.domain.clone(),
        status: "local".into(),
        total: ours.total,
        hits: ours.hits.len() + copies.as_ref().map_or(0, |c| c.hits.len()),
        milliseconds: started.elapsed().as_millis() as u64,
        capped: ours.capped || copies.as_ref().is_some_and(|c| c.capped),
        error: None,
        names: network_names(state),
    }];
    let mut parts = vec![ours];
    if let Some(mut c) = copies {
        // Its total is in ours already.
        c.total = 0;
        parts.push(c);
    }
    for (answer, found) in theirs {
        networks.push(answer);
        parts.extend(found);
    }
    let Merged {
        total,
        capped,
        hits,
        facets,
    } = merge(search, parts);
    let peers = networks.iter().skip(1);
    state.metrics.search(
        search.scope == Scope::All,
        started.elapsed(),
        peers.map(|n| (n.status.as_str(), n.milliseconds)),
    );
    Ok(Answer {
        query: search.text.clone(),
        sort: search.sort,
        total,
        capped,
        offset: search.offset,
        hits,
        facets,
        networks,
        resolved: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(ap_id: &str, score: f64, day: u32) -> Hit {
        Hit {
            kind: "post".into(),
            ap_id: ap_id.into(),
            url: ap_id.into(),
            title: ap_id.into(),
            language: None,
            summary: None,
            snippet: String::new(),
            snippet_language: None,
            network: String::new(),
            author_name: None,
            author_ap_id: None,
            languages: vec![],
            themes: vec![],
            sdgs: vec![],
            hashtags: vec![],
            countries: vec![],
            published: chrono::NaiveDate::from_ymd_opt(2026, 1, day)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
                .unwrap_or_default(),
            score,
        }
    }

    fn facet(values: &[(&str, i64)]) -> Facets {
        let mut f = Facets::new();
        f.insert(
            "theme".into(),
            values
                .iter()
                .map(|(v, c)| FacetValue {
                    value: v.to_string(),
                    count: *c,
                })
                .collect(),
        );
        f
    }

    #[test]
    fn an_offset_near_the_largest_integer_is_refused_not_overflowed() {
        let e = SearchParams {
            q: "klima".into(),
            offset: Some(i64::MAX),
            ..SearchParams::default()
        }
        .check()
        .unwrap_err();
        assert_eq!(
            (e.status.as_u16(), e.field.as_deref()),
            (400, Some("offset"))
        );
    }

    #[test]
    fn a_network_is_named_in_the_language_or_another_or_by_its_host() {
        let mut n = NetworkAnswer {
            network: "afccre.example".into(),
            status: "answered".into(),
            total: 0,
            hits: 0,
            milliseconds: 1,
            capped: false,
            error: None,
            names: BTreeMap::new(),
        };
        assert_eq!(n.name_in(Lang::Fr), "afccre.example");
        n.names.insert("fr".into(), "AFCCRE".into());
        assert_eq!(n.name_in(Lang::Fr), "AFCCRE");
        assert_eq!(n.name_in(Lang::De), "AFCCRE");
        n.names.insert("de".into(), "Französische Sektion".into());
        assert_eq!(n.name_in(Lang::De), "Französische Sektion");
    }

    #[test]
    fn merging_removes_duplicates_orders_and_sums_facets() {
        let mut search = SearchParams {
            q: "klima".into(),
            ..SearchParams::default()
        }
        .check()
        .unwrap();
        let parts = || {
            vec![
                Found {
                    total: 2,
                    capped: false,
                    hits: vec![hit("a", 0.5, 1), hit("b", 0.2, 3)],
                    facets: facet(&[("climate", 2)]),
                    network_names: BTreeMap::new(),
                },
                Found {
                    total: 2,
                    capped: false,
                    hits: vec![hit("b", 0.3, 3), hit("c", 0.4, 2)],
                    facets: facet(&[("climate", 1), ("youth", 1)]),
                    network_names: BTreeMap::new(),
                },
            ]
        };
        let Merged {
            total,
            capped,
            hits,
            facets,
        } = merge(&search, parts());
        assert_eq!(total, 3, "b is held by both and counted once");
        assert!(!capped);
        let ids: Vec<&str> = hits.iter().map(|h| h.ap_id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "b"]);
        assert_eq!(
            hits[2].score, 0.3,
            "the better score of a duplicate is kept"
        );
        assert_eq!(
            facets["theme"],
            vec![
                FacetValue {
                    value: "climate".into(),
                    count: 3
                },
                FacetValue {
                    value: "youth".into(),
                    count: 1
                }
            ]
        );
        search.sort = Sort::Newest;
        search.limit = 2;
        search.offset = 1;
        // b (3rd), c (2nd), a (1st): skip one.
        let hits = merge(&search, parts()).hits;
        let ids: Vec<&str> = hits.iter().map(|h| h.ap_id.as_str()).collect();
        assert_eq!(ids, ["c", "a"], "newest first, second page of one");
        let mut one_capped = parts();
        one_capped[1].capped = true;
        let m = merge(&search, one_capped);
        assert!(
            m.capped,
            "one network's lower bound makes the sum a lower bound"
        );
    }

    #[test]
    fn an_older_peer_that_does_not_say_capped_is_read_as_exact() {
        let found: Found =
            serde_json::from_str(r#"{"total": 3, "hits": [], "facets": {}}"#).unwrap();
        assert!(!found.capped);
    }
}
