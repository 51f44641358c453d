//! The search over this instance's index (`search_documents`), in one statement: the
//! matching documents are materialised first (so that PostgreSQL does not walk the
//! publication index backwards looking for a rare word), then ranked or sorted, the page's
//! snippets highlighted, and the matches' facet values gathered (counted here, in Rust).
//!
//! A search ranks and counts at most `CANDIDATES` matches. When the words match more
//! documents than that (counted from the full-text index alone, filters aside), it reads only
//! the matches published since a time chosen from the statistics of `published`
//! (`search_newest_since`), so that about the right number are newer, and keeps the newest
//! `CANDIDATES` of them: the answer then says `capped` and its total is a lower bound. When
//! the filters leave too few in that window, the window is widened by what it held, and at the
//! end takes everything: no match that belongs among the newest is ever left out.
//!
//! Relevance is `ts_rank` (term frequency by weight: title, summary, body, author), not
//! `ts_rank_cd`: cover density costs about 40 µs a document for a German compound part widened
//! to 80 lexemes, so 80 ms for 2,000 candidates, against 2–3 µs.
//!
//! Each hit is shown in one language (see the search-versions migration): its title and
//! summary in the reader's language where it has it, else its main language; its snippet cut
//! from that version when the query matches it there, else from a version the query matches.

use super::{Found, Search, Sort};
use crate::error::AppError;
use crate::vocab::{Lang, sdg_hashtag, theme};
use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Bool, Date, Double, Nullable, SmallInt, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// Values shown per facet.
pub const FACET_VALUES: usize = 20;
/// How many values of each facet one network gives for merging: more than are shown, so
/// that a value beyond one network's first [`FACET_VALUES`] still counts all its hits once
/// the networks' counts are added.
pub const FACET_VALUES_EXCHANGED: usize = 500;

/// The most matches a search ranks and counts: beyond, it takes the newest this many.
pub const CANDIDATES: i64 = 2_000;

/// How many more documents than needed the first window is meant to hold, against the
/// estimate's error (the statistics are a sample, the filters take some matches away).
const WINDOW_MARGIN: f64 = 3.0;

/// The widest first window, as a share of all documents: the planner's estimate can be low
/// (phrases especially), and a window too wide reads too many matches.
const FIRST_WINDOW_MOST: f64 = 0.25;

/// A window stops reading after this many times `CANDIDATES` matches (and is narrowed).
const WINDOW_MOST: i64 = 4;

/// A first window wider than this share of all documents is not read until a probe of the
/// matches (filters aside) has found `PROBE_ROWS` (or more than the candidates, if fewer).
const PROBE_ABOVE: f64 = 0.1;
const PROBE_ROWS: i64 = 200;

/// Readings of the index one search makes at most.
const MAX_READINGS: u32 = 4;

/// How many entries of the `published` index's range cost what reading one match's row
/// does (measured at 1,000,000 posts; see `search`).
const RANGE_ENTRIES_PER_PAGE: f64 = 15.0;

/// The query, made once (widening German compound parts takes milliseconds), and how many
/// documents the planner expects it to match with the filters.
///
/// A query that is one phrase is estimated as the rarest word of each of its forms
/// (`search_phrase_words`, migration 000160): the planner takes the words of a phrase as
/// independent, and so expects "comité de jumelage" in 22,000 documents where it is in
/// 113,000, and any of its words would be "de", in half of all documents. A window too wide
/// reads far too many matches before it is narrowed; one too narrow takes another reading.
///
/// `loose` is the query the GIN index is asked (see [`SEARCH_SQL`]), made once for all the
/// readings: a phrase's words joined by `&`, for a one-phrase query without the words in
/// more than a fifth of the documents (`search_phrase_lookup`, migration 000160: 23 ms
/// without "de" against 38 ms). None when the query has no phrase, or has a negation, since
/// loosening a phrase under `!` would exclude too much.
const QUERY_SQL: &str = r#"
SELECT q::text AS q, e AS estimate,
    CASE WHEN q::text !~ '<(-|[0-9]+)>' OR q::text ~ '!' THEN NULL
        WHEN $15 AND q::text !~ '[()]' THEN search_phrase_lookup(q::text)::text
        ELSE regexp_replace(q::text, '<(-|[0-9]+)>', '&', 'g') END AS loose,
    (SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = 'search_documents'::regclass)
        AS documents
FROM (
    SELECT q, search_estimate(
            CASE WHEN $15 THEN search_phrase_words(q::text) ELSE q END,
            $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) AS e
    FROM (SELECT search_query($1, $2, $3, $4) AS q OFFSET 0) y
    OFFSET 0
) x
"#;

/// When the estimate calls for a wide window, how many documents the query matches, up to
/// `$2` (filters aside): the planner's estimate for words it has no statistics of is a
/// default, far too high for a rare word, whose matches are then all read at once rather
/// than through a window (whose range of `published` would cost more to scan than the few
/// matches). `$1` are the query's [`index_keys`].
const PROBE_SQL: &str = r#"
SELECT count(*) AS n FROM (
    SELECT FROM search_documents d WHERE d.tsv @@ ANY ($1::text[]::tsquery[]) LIMIT $2) p
"#;

/// The search. A phrase ("comité de jumelage") is looked up in the GIN index by `loose`
/// (`$22`, made by [`QUERY_SQL`]) and checked exactly (`ts_match_vq`, which no index takes)
/// on the rows found: the index answers a phrase query no more precisely, and takes twice as
/// long over it (80 against 38 ms for that phrase at 1,000,000 posts).
///
/// The index is asked the query's alternatives one by one (`$24`, [`index_keys`]), each
/// scan adding to one bitmap: asked an alternative of many (a word widened to its
/// compounds, 41 lexemes for "partnerschaft"), the GIN index evaluates the whole query for
/// every document any of them holds, 48 ms for the 53,000 of "partnerschaft" against 8 ms
/// one by one (1,000,000 posts).
///
/// The page's hits are built by `search_hits` (migration 000220), whose plan PostgreSQL
/// keeps per connection: planned here, with two inlined copies of `search_versions`, they
/// cost about 2 ms of planning on every call. Blocked instances are left out by comparing
/// with the list of blocks, read once, rather than by a lookup per match (about 4 ms for
/// 6,000 matches).
///
/// The window's matches are kept without their `tsv` (up to 8,000 of them, about 1 kB
/// each: more than `work_mem`, so the kept rows went to a temporary file), and the ranked
/// ones read it again by their row's address (`ctid`, valid for the statement's snapshot):
/// 42.7 against 46.6 ms by relevance and 40.6 against 49.1 ms newest for ~10,000 matches.
const SEARCH_SQL: &str = r#"
WITH q AS (SELECT $1::text::tsquery AS q, $22::text::tsquery AS loose),
w AS MATERIALIZED (
    SELECT d.id, d.published, d.kind, d.themes, d.sdgs, d.countries, d.regions, d.org_kinds,
        d.languages, d.network, d.ctid
    FROM search_documents d, q
    WHERE d.tsv @@ ANY ($24::text[]::tsquery[])
        AND (q.loose IS NULL OR ts_match_vq(d.tsv, q.q))
        AND ($2::text IS NULL OR d.kind = $2)
        AND ($3::text IS NULL OR d.themes @> ARRAY[$3::text])
        AND ($4::smallint IS NULL OR d.sdgs @> ARRAY[$4::smallint])
        AND ($5::text IS NULL OR d.countries @> ARRAY[$5::text])
        AND ($6::text IS NULL OR d.regions @> ARRAY[$6::text])
        AND ($7::text IS NULL OR d.org_kinds @> ARRAY[$7::text])
        AND ($8::text IS NULL OR d.languages @> ARRAY[$8::text])
        AND ($9::text IS NULL OR d.network = $9)
        AND ($10::date IS NULL OR d.published >= $10::date)
        AND ($11::date IS NULL OR d.published < $11::date + 1)
        AND (NOT $12 OR d.local)
        AND ($16::text[] IS NULL OR d.network <> ALL ($16::text[]))
        AND ($17::text[] IS NULL OR d.network = ANY ($17::text[]))
        AND d.network <> ALL (ARRAY(SELECT b.domain FROM domain_blocks b))
        AND ($19::timestamptz IS NULL OR CASE WHEN $23 THEN d.published >= $19::timestamptz
            ELSE (d.published >= $19::timestamptz) IS NOT FALSE END)
    LIMIT $21
),
m AS MATERIALIZED (
    SELECT n.id, n.published, n.kind, n.themes, n.sdgs, n.countries, n.regions, n.org_kinds,
        n.languages, n.network,
        CASE WHEN $13 THEN ts_rank(
            (SELECT x.tsv FROM search_documents x WHERE x.ctid = n.ctid), q.q, 32)
        ELSE 0 END AS score
    FROM (SELECT * FROM w ORDER BY published DESC, id DESC LIMIT $20) n, q
),
page AS (
    SELECT id, score, row_number() OVER (
        ORDER BY CASE WHEN $13 THEN score END DESC NULLS LAST, published DESC, id DESC) AS n
    FROM m
    ORDER BY n
    LIMIT $14 OFFSET $15
)
SELECT json_build_object(
    'total', (SELECT count(*) FROM m),
    'window', (SELECT count(*) FROM w),
    'hits', (
        SELECT search_hits(ARRAY(SELECT id FROM page ORDER BY n),
            ARRAY(SELECT score FROM page ORDER BY n), q.q, $18, $13)
        FROM q),
    'facet_columns', (
        SELECT json_build_object(
            'kind', json_agg(kind), 'theme', json_agg(themes), 'sdg', json_agg(sdgs),
            'country', json_agg(countries), 'region', json_agg(regions),
            'org_kind', json_agg(org_kinds), 'language', json_agg(languages),
            'year', json_agg(extract(year FROM published)::int), 'network', json_agg(network))
        FROM m)
)::text AS answer
"#;

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    answer: String,
}

#[derive(QueryableByName)]
struct Query {
    #[diesel(sql_type = Nullable<Text>)]
    q: Option<String>,
    #[diesel(sql_type = Nullable<BigInt>)]
    estimate: Option<i64>,
    /// The documents in the index, by the statistics (-1 before any).
    #[diesel(sql_type = Nullable<BigInt>)]
    documents: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    loose: Option<String>,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Since {
    #[diesel(sql_type = Nullable<Timestamptz>)]
    since: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(serde::Deserialize)]
struct Raw {
    /// The matches in the window, before keeping the newest `candidates`.
    window: i64,
    /// The ranked matches (the newest `candidates` of the window).
    total: i64,
    hits: Vec<super::Hit>,
    /// The ranked matches' facet values, counted here.
    facet_columns: FacetColumns,
}

/// The facet values of the ranked matches, one entry per match (null when none matched):
/// counted in Rust, which takes a fraction of what grouping them in SQL took (about 9 ms for
/// 2,000 matches: nine scans, 19,000 rows into one hash aggregate).
#[derive(serde::Deserialize)]
struct FacetColumns {
    kind: Option<Vec<String>>,
    theme: Option<Vec<Vec<String>>>,
    sdg: Option<Vec<Vec<i16>>>,
    country: Option<Vec<Vec<String>>>,
    region: Option<Vec<Vec<String>>>,
    org_kind: Option<Vec<Vec<String>>>,
    language: Option<Vec<Vec<String>>>,
    year: Option<Vec<i32>>,
    network: Option<Vec<String>>,
}

impl FacetColumns {
    /// Each facet's values with their counts, most frequent first (see
    /// [`super::top_values`]); a facet without values is left out.
    fn count(self) -> super::Facets {
        fn tally<T: ToString>(values: impl IntoIterator<Item = T>) -> HashMap<String, i64> {
            let mut counts = HashMap::new();
            for v in values {
                *counts.entry(v.to_string()).or_insert(0) += 1;
            }
            counts
        }
        let flat = |v: Option<Vec<Vec<String>>>| tally(v.into_iter().flatten().flatten());
        [
            ("kind", tally(self.kind.into_iter().flatten())),
            ("theme", flat(self.theme)),
            ("sdg", tally(self.sdg.into_iter().flatten().flatten())),
            ("country", flat(self.country)),
            ("region", flat(self.region)),
            ("org_kind", flat(self.org_kind)),
            ("language", {
                // `und`: no language known (an organisation that named none); not a value
                // anyone filters by.
                let mut counts = flat(self.language);
                counts.remove("und");
                counts
            }),
            ("year", tally(self.year.into_iter().flatten())),
            ("network", tally(self.network.into_iter().flatten())),
        ]
        .into_iter()
        .filter(|(_, counts)| !counts.is_empty())
        .map(|(name, counts)| {
            (
                name.to_string(),
                super::top_values(counts, FACET_VALUES_EXCHANGED),
            )
        })
        .collect()
    }
}

/// Which documents of our index a search looks at, by the network they come from.
#[derive(Debug, Clone, Copy)]
pub enum Holdings<'a> {
    /// Our own content only (what peers are given).
    Own,
    /// Everything we hold: our own, and what other networks sent.
    All,
    /// Everything but what came from these networks (peers that answer for themselves).
    Except(&'a [String]),
    /// Only what came from these networks (peers that did not answer).
    Only(&'a [String]),
}

/// Binds a search's ten filters (kind to `to`), in that order, as the next parameters.
macro_rules! bind_filters {
    ($query:expr, $s:expr) => {
        $query
            .bind::<Nullable<Text>, _>(&$s.kind)
            .bind::<Nullable<Text>, _>(&$s.theme)
            .bind::<Nullable<SmallInt>, _>($s.sdg)
            .bind::<Nullable<Text>, _>(&$s.country)
            .bind::<Nullable<Text>, _>(&$s.region)
            .bind::<Nullable<Text>, _>(&$s.org_kind)
            .bind::<Nullable<Text>, _>(&$s.lang)
            .bind::<Nullable<Text>, _>(&$s.network)
            .bind::<Nullable<Date>, _>($s.from)
            .bind::<Nullable<Date>, _>($s.to)
    };
}

/// Our own index.
pub async fn search(
    conn: &mut AsyncPgConnection,
    s: &Search,
    holdings: Holdings<'_>,
) -> Result<Found, AppError> {
    let lower = |n: &[String]| n.iter().map(|n| n.to_ascii_lowercase()).collect::<Vec<_>>();
    let (local_only, except, only) = match holdings {
        Holdings::Own => (true, None, None),
        Holdings::All => (false, None, None),
        Holdings::Except(n) => (false, Some(lower(n)), None),
        Holdings::Only(n) => (false, None, Some(lower(n))),
    };
    let (terms, prefixes): (Vec<String>, Vec<bool>) = s.query.terms.iter().cloned().unzip();
    let cap = s.candidates.max(1);
    // The most matches one reading takes: a window that holds more was chosen too wide
    // (the estimate was low) and is narrowed.
    let most = WINDOW_MOST * (cap + 1);
    let wanted = WINDOW_MARGIN * (cap + 1) as f64;
    let probe_rows = PROBE_ROWS.min(cap + 1);
    let one_phrase =
        s.query.terms.is_empty() && s.query.phrases.len() == 1 && s.query.excluded.is_empty();
    let made: Query = bind_filters!(
        diesel::sql_query(QUERY_SQL)
            .bind::<Array<Text>, _>(&terms)
            .bind::<Array<Bool>, _>(&prefixes)
            .bind::<Array<Text>, _>(&s.query.phrases)
            .bind::<Array<Text>, _>(&s.query.excluded),
        s
    )
    .bind::<Bool, _>(one_phrase)
    .get_result(conn)
    .await?;
    let Some(q) = made.q else {
        return Err(super::bad(
            "q",
            "the search query holds only words too common to search for",
        ));
    };
    let keys = index_keys(made.loose.as_deref().unwrap_or(&q));
    let probe = match made.estimate {
        Some(e) if e as f64 > wanted && (e as f64) < wanted / PROBE_ABOVE => Some(
            diesel::sql_query(PROBE_SQL)
                .bind::<Array<Text>, _>(&keys)
                .bind::<BigInt, _>(probe_rows)
                .get_result::<Count>(conn)
                .await?
                .n,
        ),
        _ => None,
    };
    // The share of all documents the window should hold: enough for `cap` matches, were
    // the matches spread over time as the documents are (then it is also the share of the
    // matches that the window holds).
    let mut share = match (made.estimate, probe) {
        (_, Some(p)) if p < probe_rows => 1.0,
        (Some(e), _) if (e as f64) > wanted => (wanted / e as f64).min(FIRST_WINDOW_MOST),
        _ => 1.0,
    };
    // Whether the window is read through the `published` index (its range ANDed with the
    // GIN bitmap) or by reading every match's row and comparing its date: the range costs
    // about a fifteenth of a row's page per entry (1,000,000 posts: 30 ms for a range of
    // 286,000 entries, 16 ms for the pages of 10,000 matches), and the planner, which
    // counts a page as a random read, takes the range even where it costs twice as much.
    // The estimate counts the matches with the filters, a lower bound of the pages read.
    let window_by_index = |share: f64| match (made.documents, made.estimate) {
        (Some(n), Some(e)) if n > 0 && e > 0 => {
            share * (n as f64) < RANGE_ENTRIES_PER_PAGE * e as f64 * (1.0 - share)
        }
        _ => true,
    };
    let mut readings = 0;
    let raw = loop {
        readings += 1;
        let since = if share < 1.0 {
            diesel::sql_query("SELECT search_newest_since($1) AS since")
                .bind::<Double, _>(share)
                .get_result::<Since>(conn)
                .await?
                .since
        } else {
            None
        };
        // Without statistics there is no window to narrow to: that reading takes all.
        let limit = if readings >= MAX_READINGS || (share < 1.0 && since.is_none()) {
            i64::MAX
        } else {
            most
        };
        let row: Row = bind_filters!(diesel::sql_query(SEARCH_SQL).bind::<Text, _>(&q), s)
            .bind::<Bool, _>(local_only)
            .bind::<Bool, _>(s.sort == Sort::Relevance)
            .bind::<BigInt, _>(s.offset + s.limit)
            .bind::<BigInt, _>(0i64)
            .bind::<Nullable<Array<Text>>, _>(&except)
            .bind::<Nullable<Array<Text>>, _>(&only)
            .bind::<Nullable<Text>, _>(&s.display_lang)
            .bind::<Nullable<Timestamptz>, _>(since)
            .bind::<BigInt, _>(cap)
            .bind::<BigInt, _>(limit)
            .bind::<Nullable<Text>, _>(&made.loose)
            .bind::<Bool, _>(window_by_index(share))
            .bind::<Array<Text>, _>(&keys)
            .get_result(conn)
            .await?;
        let raw: Raw = serde_json::from_str(&row.answer).map_err(AppError::internal)?;
        if raw.window >= limit {
            // Far more than needed (the estimate was low): narrow the window four times.
            share = share.min(1.0) / 4.0;
        } else if since.is_none() || raw.window > cap {
            break raw;
        } else {
            // Too few in the window (filters, or matches older than most documents): widen
            // it by what it held.
            share = if raw.window == 0 {
                share * 16.0
            } else {
                share * wanted / raw.window as f64
            };
        }
        if readings + 1 >= MAX_READINGS {
            // The last reading takes every match, whatever it costs: the answer is right.
            share = 1.0;
        }
    };
    let mut hits = raw.hits;
    let asked = s
        .display_lang
        .as_deref()
        .and_then(|l| l.parse::<Lang>().ok());
    for hit in &mut hits {
        hit.snippet = highlight(&hit.snippet);
        hit.hashtags = hashtags(hit, asked);
    }
    Ok(Found {
        total: raw.total,
        capped: raw.window > cap,
        hits,
        facets: raw.facet_columns.count(),
        network_names: Default::default(),
    })
}

/// The alternatives of a query as the text of `tsquery` writes it, each a key the GIN index
/// is asked on its own (see [`SEARCH_SQL`]): the operands of its top-level `|`, without
/// repeats. A query with parentheses or a negation is one key: `!` alone would make the
/// index read every entry, and the operands of a `|` within parentheses are not alternatives
/// of the whole.
fn index_keys(query: &str) -> Vec<String> {
    let whole = || vec![query.to_string()];
    // The operands, cut at each `|` outside a lexeme.
    let mut operands = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    let bytes = query.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match (quoted, bytes[i]) {
            // Inside a lexeme, `\` escapes the next character and `''` is a quote.
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'\'') if bytes.get(i + 1) == Some(&b'\'') => i += 1,
            (true, b'\'') => quoted = false,
            (true, _) => {}
            (false, b'\'') => quoted = true,
            (false, b'(' | b')' | b'!') => return whole(),
            (false, b'|') => {
                operands.push(&query[start..i]);
                start = i + 1;
            }
            (false, _) => {}
        }
        i += 1;
    }
    if quoted {
        return whole();
    }
    operands.push(&query[start..]);
    let mut keys: Vec<String> = Vec::new();
    for operand in operands.into_iter().map(str::trim) {
        if operand.is_empty() {
            return whole();
        }
        if !keys.iter().any(|k| k == operand) {
            keys.push(operand.to_string());
        }
    }
    keys
}

/// A hit's hashtags: its themes' in the language of its title, else (no language known, or
/// one the interface does not speak) in the language asked for, else the first interface
/// language; then its SDGs'.
fn hashtags(hit: &super::Hit, asked: Option<Lang>) -> Vec<String> {
    let lang = hit
        .language
        .as_deref()
        .and_then(|l| l.parse::<Lang>().ok())
        .or(asked)
        .unwrap_or(Lang::ALL[0]);
    hit.themes
        .iter()
        .filter_map(|t| theme(t))
        .map(|t| t.hashtag(lang))
        .chain(hit.sdgs.iter().map(|g| sdg_hashtag(*g)))
        .collect()
}

/// Escapes the headline's text and turns its markers (U+0001, U+0002) into `<mark>`.
fn highlight(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            '\u{1}' => out.push_str("<mark>"),
            '\u{2}' => out.push_str("</mark>"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn facets_leave_out_unknown_languages_and_give_more_values_than_are_shown() {
        let regions: Vec<Vec<String>> = (0..30).map(|i| vec![format!("R{i:02}")]).collect();
        let columns: super::FacetColumns = serde_json::from_value(serde_json::json!({
            "language": [["und", "de"], ["und"], ["fr"]],
            "region": regions,
        }))
        .unwrap();
        let facets = columns.count();
        let languages: Vec<&str> = facets["language"]
            .iter()
            .map(|v| v.value.as_str())
            .collect();
        assert_eq!(languages, ["de", "fr"]);
        // All 30 go to the merge, which shows the first 20 of the networks' sums.
        assert_eq!(facets["region"].len(), 30);
    }

    #[test]
    fn a_query_is_asked_of_the_index_by_its_alternatives() {
        let keys = |q: &str| super::index_keys(q);
        assert_eq!(keys("'klima'"), ["'klima'"]);
        assert_eq!(
            keys("'partnerschaft' | 'schulpartnerschaft' | 'partnerschaft' | 'jug':*"),
            ["'partnerschaft'", "'schulpartnerschaft'", "'jug':*"]
        );
        // & and <-> bind more tightly than |: their operands stay together.
        assert_eq!(
            keys("'com' & 'jumelag' | 'comit' <-> 'de' <-> 'jumelag'"),
            ["'com' & 'jumelag'", "'comit' <-> 'de' <-> 'jumelag'"]
        );
        // A | inside a lexeme, a quote or a backslash written in one, is not an operator.
        assert_eq!(
            keys(r"'a | b' | 'l''école' | 'x\\' | 'y'"),
            [r"'a | b'", r"'l''école'", r"'x\\'", r"'y'"]
        );
        for whole in [
            "'a' & ( 'b' | 'c' )",
            "'a' | !'b'",
            "'a' & !( 'b' | 'c' )",
            "'unclosed | 'x",
            "| 'a'",
        ] {
            assert_eq!(keys(whole), [whole]);
        }
    }

    #[test]
    fn snippets_are_escaped_and_marked() {
        assert_eq!(
            super::highlight("a <b> & \u{1}Klima\u{2}schutz"),
            "a &lt;b&gt; &amp; <mark>Klima</mark>schutz"
        );
    }
}
