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
