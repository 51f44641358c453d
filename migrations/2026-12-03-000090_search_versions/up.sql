-- The language versions of a found item, read when a page of hits is made, so that a hit is
-- shown in one language: title and summary in the visitor's language where the item has it
-- (else its main language), and a snippet taken from one version only (the index's `body`
-- holds every version one after the other, and a snippet cut from it mixed languages).
--
-- Posts: one version per `post_translations` row. Organisations: their name, with the
-- summary of each language of `summary_map` (which holds the text of a remote actor's HTML
-- summary under `und`). Partnerships: the two names,
-- with the description of each language. An item without any text per language has one
-- version in its main language (`und` when unknown).
CREATE FUNCTION search_versions(doc_kind TEXT, doc_source BIGINT)
RETURNS TABLE (language TEXT, main BOOLEAN, title TEXT, summary TEXT, content TEXT)
LANGUAGE sql STABLE AS $$
    SELECT pt.language, pt.language = p.main_language, pt.title, pt.summary,
        search_html_text(pt.content_html)
    FROM posts p JOIN post_translations pt ON pt.post_id = p.id
    WHERE doc_kind = 'post' AND p.id = doc_source
    UNION ALL
    SELECT v.language, v.language = m.main, a.name, v.summary, concat_ws(' ', a.region, a.website)
    FROM actors a
    CROSS JOIN LATERAL (SELECT coalesce(a.languages[1], 'und') AS main) m
    CROSS JOIN LATERAL (
        SELECT e.key AS language, e.value AS summary FROM jsonb_each_text(a.summary_map) e
        UNION ALL
        SELECT m.main, '' WHERE a.summary_map = '{}'::jsonb
    ) v
    WHERE doc_kind = 'organisation' AND a.id = doc_source
    UNION ALL
    SELECT v.language, v.language = m.main, s.name || ' – ' || o.name, v.summary,
        concat_ws(' ', s.region, o.region)
    FROM partnerships p
    JOIN actors s ON s.id = p.subject_id
    JOIN actors o ON o.id = p.object_id
    CROSS JOIN LATERAL (SELECT coalesce(p.languages[1], 'und') AS main) m
    CROSS JOIN LATERAL (
        SELECT e.key AS language, e.value AS summary FROM jsonb_each_text(p.description) e
        UNION ALL
        SELECT m.main, '' WHERE p.description = '{}'::jsonb
    ) v
    WHERE doc_kind = 'partnership' AND p.id = doc_source
$$;
