-- The documents' text again (empty for the documents built meanwhile, until they are
-- rebuilt), and the functions that write it (migration 000004).

ALTER TABLE search_documents ADD COLUMN body TEXT NOT NULL DEFAULT '';
ALTER TABLE search_documents ALTER COLUMN body DROP DEFAULT;

CREATE OR REPLACE FUNCTION search_index_posts(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_documents WHERE kind = 'post' AND source_id = ANY (ids);
    INSERT INTO search_documents (kind, source_id, ap_id, url, local, network, author_ap_id,
        author_name, languages, title, body, themes, sdgs, countries, regions, org_kinds,
        published, tsv)
    SELECT 'post', p.id, p.ap_id, coalesce(p.html_url, p.ap_id), p.local, a.domain, a.ap_id,
        a.name, t.languages, coalesce(t.main_title, t.any_title), t.body, p.themes, p.sdgs,
        array_remove(ARRAY[a.country], NULL), array_remove(ARRAY[a.region], NULL),
        array_remove(ARRAY[a.org_kind], NULL), p.published,
        t.tsv || setweight(to_tsvector('passerelle_simple', a.name), 'C')
    FROM posts p
    JOIN actors a ON a.id = p.actor_id
    CROSS JOIN LATERAL (
        SELECT array_agg(pt.language ORDER BY pt.language <> p.main_language, pt.language)
                AS languages,
            max(pt.title) FILTER (WHERE pt.language = p.main_language) AS main_title,
            min(pt.title) AS any_title,
            string_agg(concat_ws(E'\n', pt.title, pt.summary, search_html_text(pt.content_html)),
                E'\n\n' ORDER BY pt.language <> p.main_language, pt.language) AS body,
            search_tsvector_agg(
                search_text_vector(pt.language, pt.title, 'A')
                || search_text_vector(pt.language, pt.summary, 'B')
                || search_text_vector(pt.language, search_html_text(pt.content_html), 'D'))
                AS tsv
        FROM post_translations pt
        WHERE pt.post_id = p.id
    ) t
    WHERE p.id = ANY (ids)
        AND p.deleted_at IS NULL
        AND p.in_reply_to IS NULL
        AND a.deleted_at IS NULL
        AND a.indexable
        AND t.languages IS NOT NULL;
END
$$;

CREATE OR REPLACE FUNCTION search_index_actors(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_documents WHERE kind = 'organisation' AND source_id = ANY (ids);
    INSERT INTO search_documents (kind, source_id, ap_id, url, local, network, author_ap_id,
        author_name, languages, title, body, themes, countries, regions, org_kinds,
        published, tsv)
    SELECT 'organisation', a.id, a.ap_id, coalesce(a.profile_url, a.ap_id), a.local, a.domain,
        a.ap_id, a.name, langs.languages, a.name,
        concat_ws(E'\n', s.summaries, search_html_text(a.summary_html), a.region, a.website),
        a.themes, array_remove(ARRAY[a.country], NULL), array_remove(ARRAY[a.region], NULL),
        array_remove(ARRAY[a.org_kind], NULL), a.published,
        setweight(to_tsvector('passerelle_simple', a.name), 'A')
        || search_text_vector(langs.languages[1], a.name, 'A')
        || coalesce(s.tsv, ''::tsvector)
        || search_text_vector(langs.languages[1], search_html_text(a.summary_html), 'B')
        || setweight(to_tsvector('passerelle_simple',
            concat_ws(' ', a.handle, a.region, a.country, a.official_code)), 'C')
    FROM actors a
    CROSS JOIN LATERAL (
        SELECT CASE WHEN cardinality(a.languages) > 0 THEN a.languages ELSE ARRAY['und'] END
            AS languages
    ) langs
    CROSS JOIN LATERAL (
        SELECT string_agg(e.value, E'\n') AS summaries,
            search_tsvector_agg(search_text_vector(e.key, e.value, 'B')) AS tsv
        FROM jsonb_each_text(a.summary_map) e
    ) s
    WHERE a.id = ANY (ids)
        AND a.deleted_at IS NULL
        AND a.discoverable
        AND (a.org_kind IS NOT NULL OR a.actor_type IN ('Organization', 'Group'));
END
$$;

CREATE OR REPLACE FUNCTION search_index_partnerships(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_documents WHERE kind = 'partnership' AND source_id = ANY (ids);
    INSERT INTO search_documents (kind, source_id, ap_id, url, local, network, author_ap_id,
        author_name, languages, title, body, themes, countries, regions, org_kinds,
        published, tsv)
    SELECT 'partnership', p.id, p.ap_id, p.ap_id, s.local, s.domain, s.ap_id, s.name,
        CASE WHEN cardinality(p.languages) > 0 THEN p.languages ELSE ARRAY['und'] END,
        s.name || ' – ' || o.name,
        concat_ws(E'\n', d.descriptions, s.region, o.region),
        p.themes,
        ARRAY(SELECT DISTINCT c FROM unnest(ARRAY[s.country, o.country]) c WHERE c IS NOT NULL),
        ARRAY(SELECT DISTINCT r FROM unnest(ARRAY[s.region, o.region]) r WHERE r IS NOT NULL),
        ARRAY(SELECT DISTINCT k FROM unnest(ARRAY[s.org_kind, o.org_kind]) k
            WHERE k IS NOT NULL),
        p.created_at,
        setweight(to_tsvector('passerelle_simple', s.name || ' ' || o.name), 'A')
        || coalesce(d.tsv, ''::tsvector)
        || search_kind_words(p.kind)
        || setweight(to_tsvector('passerelle_simple',
            concat_ws(' ', s.region, o.region, s.country, o.country)), 'C')
    FROM partnerships p
    JOIN actors s ON s.id = p.subject_id
    JOIN actors o ON o.id = p.object_id
    CROSS JOIN LATERAL (
        SELECT string_agg(e.value, E'\n') AS descriptions,
            search_tsvector_agg(search_text_vector(e.key, e.value, 'B')) AS tsv
        FROM jsonb_each_text(p.description) e
    ) d
    WHERE p.id = ANY (ids)
        AND p.status <> 'declined'
        AND s.deleted_at IS NULL
        AND o.deleted_at IS NULL;
END
$$;
