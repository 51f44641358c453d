-- A search's page of hits (their titles and summaries in the reader's language, their
-- snippets) is built by a function of its own, whose statement PostgreSQL plans once per
-- connection and keeps: planned with the rest of the search on every call, as before, it
-- cost about 2 ms of planning (two copies of `search_versions`, inlined), more than its
-- execution for a search with few matches. The rest of the search stays planned for the
-- values of each call (the window and the filters decide its plan).
--
-- `ids` and `scores` are the page's documents in their order; `ranked` says whether the
-- scores are the relevance ranking's (else each hit's score is computed here).
CREATE FUNCTION search_hits(ids BIGINT[], scores REAL[], q TSQUERY, display_lang TEXT,
                            ranked BOOLEAN) RETURNS JSON
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    hits JSON;
BEGIN
    SELECT json_agg(json_build_object(
            'kind', d.kind, 'ap_id', d.ap_id, 'url', d.url,
            'title', coalesce(shown.title, d.title), 'language', shown.language,
            'summary', nullif(shown.summary, ''),
            'snippet', coalesce(cut.snippet, ''), 'snippet_language', cut.language,
            'network', d.network, 'author_name', d.author_name,
            'author_ap_id', d.author_ap_id, 'languages', d.languages, 'themes', d.themes,
            'sdgs', d.sdgs, 'countries', d.countries, 'published', d.published,
            'score', CASE WHEN ranked THEN h.score ELSE ts_rank(d.tsv, q, 32) END
        ) ORDER BY h.n)
    INTO hits
    FROM unnest(ids, scores) WITH ORDINALITY AS h(id, score, n)
    JOIN search_documents d ON d.id = h.id
    LEFT JOIN LATERAL (
        SELECT v.language, v.title, v.summary
        FROM search_versions(d.kind, d.source_id) v
        ORDER BY v.language = display_lang DESC, v.main DESC, v.language
        LIMIT 1
    ) shown ON true
    LEFT JOIN LATERAL (
        SELECT v.language, ts_headline(search_config(v.language),
            concat_ws(E'\n', v.summary, v.content), q,
            'StartSel=' || chr(1) || ', StopSel=' || chr(2)
            || ', MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "')
            AS snippet
        FROM search_versions(d.kind, d.source_id) v
        ORDER BY to_tsvector(search_config(v.language),
                concat_ws(E'\n', v.title, v.summary, v.content)) @@ q DESC,
            v.language = shown.language DESC, v.main DESC, v.language
        LIMIT 1
    ) cut ON true;
    RETURN coalesce(hits, '[]'::json);
END
$$;

-- The time since which a window's documents are read (migration 000140), the same answer
-- in PL/pgSQL: as an SQL function, its read of `pg_stats` (a view over five catalogs) was
-- planned on every call, 1.6 ms; the kept plan takes 0.15 ms.
CREATE OR REPLACE FUNCTION search_newest_since(share DOUBLE PRECISION) RETURNS TIMESTAMPTZ
LANGUAGE plpgsql STABLE AS $$
DECLARE
    b TIMESTAMPTZ[];
    p DOUBLE PRECISION;
    k INTEGER;
BEGIN
    IF NOT (share > 0 AND share < 1) THEN
        RETURN NULL;
    END IF;
    SELECT s.histogram_bounds::text::timestamptz[] INTO b
    FROM pg_stats s
    WHERE s.schemaname = current_schema() AND s.tablename = 'search_documents'
        AND s.attname = 'published';
    IF NOT cardinality(b) > 1 THEN
        RETURN NULL;
    END IF;
    p := (1 - share) * (cardinality(b) - 1);
    k := least(floor(p)::integer, cardinality(b) - 2);
    RETURN b[k + 1] + (b[k + 2] - b[k + 1]) * (p - k);
END
$$;
