//! The search over this instance's index (`search_documents`), in one statement: the
//! matching documents are materialised first (so that PostgreSQL does not walk the
//! publication index backwards looking for a rare word), then ranked or sorted, the page's
//! snippets highlighted, and the facets counted over every match.
//!
//! Each hit is shown in one language (see the search-versions migration): its title and
//! summary in the reader's language where it has it, else its main language; its snippet cut
//! from that version when the query matches it there, else from a version the query matches.

use super::{Found, Search, Sort};
use crate::error::AppError;
use crate::vocab::{Lang, sdg_hashtag, theme};
use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Bool, Date, Nullable, SmallInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Values shown per facet.
pub const FACET_VALUES: usize = 20;

const SEARCH_SQL: &str = r#"
WITH q AS (SELECT search_query($1, $2, $3, $4) AS q),
m AS MATERIALIZED (
    SELECT d.id, d.published, d.kind, d.themes, d.sdgs, d.countries, d.regions, d.org_kinds,
        d.languages, d.network,
        CASE WHEN $16 THEN ts_rank_cd(d.tsv, q.q, 32) ELSE 0 END AS score
    FROM search_documents d, q
    WHERE d.tsv @@ q.q
        AND ($5::text IS NULL OR d.kind = $5)
        AND ($6::text IS NULL OR d.themes @> ARRAY[$6::text])
        AND ($7::smallint IS NULL OR d.sdgs @> ARRAY[$7::smallint])
        AND ($8::text IS NULL OR d.countries @> ARRAY[$8::text])
        AND ($9::text IS NULL OR d.regions @> ARRAY[$9::text])
        AND ($10::text IS NULL OR d.org_kinds @> ARRAY[$10::text])
        AND ($11::text IS NULL OR d.languages @> ARRAY[$11::text])
        AND ($12::text IS NULL OR d.network = $12)
        AND ($13::date IS NULL OR d.published >= $13::date)
        AND ($14::date IS NULL OR d.published < $14::date + 1)
        AND (NOT $15 OR d.local)
        AND ($20::text[] IS NULL OR d.network <> ALL ($20::text[]))
        AND ($21::text[] IS NULL OR d.network = ANY ($21::text[]))
        AND NOT EXISTS (SELECT 1 FROM domain_blocks b WHERE b.domain = d.network)
),
page AS (
    SELECT id, score, row_number() OVER (
        ORDER BY CASE WHEN $16 THEN score END DESC NULLS LAST, published DESC, id DESC) AS n
    FROM m
    ORDER BY n
    LIMIT $17 OFFSET $18
),
facet AS (
    SELECT 'kind' AS f, kind AS v FROM m
    UNION ALL SELECT 'theme', unnest(themes) FROM m
    UNION ALL SELECT 'sdg', unnest(sdgs)::text FROM m
    UNION ALL SELECT 'country', unnest(countries) FROM m
    UNION ALL SELECT 'region', unnest(regions) FROM m
    UNION ALL SELECT 'org_kind', unnest(org_kinds) FROM m
    UNION ALL SELECT 'language', unnest(languages) FROM m
    UNION ALL SELECT 'year', extract(year FROM published)::int::text FROM m
    UNION ALL SELECT 'network', network FROM m
),
counted AS (
    SELECT f, v, count(*) AS c, row_number() OVER (PARTITION BY f ORDER BY count(*) DESC, v) AS r
    FROM facet GROUP BY f, v
)
SELECT json_build_object(
    'usable', (SELECT q IS NOT NULL FROM q),
    'total', (SELECT count(*) FROM m),
    'hits', coalesce((
        SELECT json_agg(json_build_object(
            'kind', d.kind, 'ap_id', d.ap_id, 'url', d.url,
            'title', coalesce(shown.title, d.title), 'language', shown.language,
            'summary', nullif(shown.summary, ''),
            'snippet', coalesce(cut.snippet, ''), 'snippet_language', cut.language,
            'network', d.network, 'author_name', d.author_name,
            'author_ap_id', d.author_ap_id, 'languages', d.languages, 'themes', d.themes,
            'sdgs', d.sdgs, 'countries', d.countries, 'published', d.published,
            'score', CASE WHEN $16 THEN page.score ELSE ts_rank_cd(d.tsv, q.q, 32) END
        ) ORDER BY page.n)
        FROM page JOIN search_documents d ON d.id = page.id
        CROSS JOIN q
        LEFT JOIN LATERAL (
            SELECT v.language, v.title, v.summary
            FROM search_versions(d.kind, d.source_id) v
            ORDER BY v.language = $22 DESC, v.main DESC, v.language
            LIMIT 1
        ) shown ON true
        LEFT JOIN LATERAL (
            SELECT v.language, ts_headline(search_config(v.language),
                concat_ws(E'\n', v.summary, v.content), q.q,
                'StartSel=' || chr(1) || ', StopSel=' || chr(2)
                || ', MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "')
                AS snippet
            FROM search_versions(d.kind, d.source_id) v
            ORDER BY to_tsvector(search_config(v.language),
                    concat_ws(E'\n', v.title, v.summary, v.content)) @@ q.q DESC,
                v.language = shown.language DESC, v.main DESC, v.language
            LIMIT 1
        ) cut ON true), '[]'::json),
    'facets', coalesce((
        SELECT json_object_agg(f, vals) FROM (
            SELECT f, json_agg(json_build_object('value', v, 'count', c) ORDER BY r) AS vals
            FROM counted WHERE r <= $19 GROUP BY f) x), '{}'::json)
)::text AS answer
"#;

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    answer: String,
}

#[derive(serde::Deserialize)]
struct Raw {
    usable: Option<bool>,
    #[serde(flatten)]
    found: Found,
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
    let row: Row = diesel::sql_query(SEARCH_SQL)
        .bind::<Array<Text>, _>(terms)
        .bind::<Array<Bool>, _>(prefixes)
        .bind::<Array<Text>, _>(&s.query.phrases)
        .bind::<Array<Text>, _>(&s.query.excluded)
        .bind::<Nullable<Text>, _>(&s.kind)
        .bind::<Nullable<Text>, _>(&s.theme)
        .bind::<Nullable<SmallInt>, _>(s.sdg)
        .bind::<Nullable<Text>, _>(&s.country)
        .bind::<Nullable<Text>, _>(&s.region)
        .bind::<Nullable<Text>, _>(&s.org_kind)
        .bind::<Nullable<Text>, _>(&s.lang)
        .bind::<Nullable<Text>, _>(&s.network)
        .bind::<Nullable<Date>, _>(s.from)
        .bind::<Nullable<Date>, _>(s.to)
        .bind::<Bool, _>(local_only)
        .bind::<Bool, _>(s.sort == Sort::Relevance)
        .bind::<BigInt, _>(s.offset + s.limit)
        .bind::<BigInt, _>(0i64)
        .bind::<BigInt, _>(FACET_VALUES as i64)
        .bind::<Nullable<Array<Text>>, _>(except)
        .bind::<Nullable<Array<Text>>, _>(only)
        .bind::<Nullable<Text>, _>(&s.display_lang)
        .get_result(conn)
        .await?;
    let raw: Raw = serde_json::from_str(&row.answer).map_err(AppError::internal)?;
    if raw.usable == Some(false) {
        return Err(super::bad(
            "q",
            "the search query holds only words too common to search for",
        ));
    }
    let mut found = raw.found;
    for hit in &mut found.hits {
        hit.snippet = highlight(&hit.snippet);
        hit.hashtags = hashtags(hit);
    }
    Ok(found)
}

/// A hit's hashtags: its themes' in the language of its title (or the first interface
/// language), then its SDGs'.
fn hashtags(hit: &super::Hit) -> Vec<String> {
    let lang = hit
        .language
        .as_deref()
        .and_then(|l| l.parse::<Lang>().ok())
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
    fn snippets_are_escaped_and_marked() {
        assert_eq!(
            super::highlight("a <b> & \u{1}Klima\u{2}schutz"),
            "a &lt;b&gt; &amp; <mark>Klima</mark>schutz"
        );
    }
}
