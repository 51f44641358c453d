-- Full-text search over organisations, partnerships and posts, local and received.
--
-- One row per searchable item in `search_documents`, kept in step with the source tables by
-- statement-level triggers (in the same transaction as the change). Each document's text
-- is analysed in its own language (German, French, English stemming; anything else as is),
-- accents folded. German compounds are found by their parts through `search_lexemes`: every
-- long indexed lexeme, with each of its suffixes in `search_lexeme_suffixes`, so that a query
-- word is widened to the indexed lexemes that contain it ("partnerschaft" ->
-- "stadtepartnerschaft"): a lexeme contains a word when one of its suffixes starts with it,
-- a range scan of a B-tree (a trigram index costs milliseconds per word on a lexicon of
-- 100,000 lexemes, as the trigrams of compounds are common).
--
-- Only what may be searched is indexed: posts (not replies) of actors that are `indexable`
-- (FEP-5feb) and not deleted, discoverable organisations, and partnerships not declined.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION passerelle_de (COPY = german);
ALTER TEXT SEARCH CONFIGURATION passerelle_de
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
CREATE TEXT SEARCH CONFIGURATION passerelle_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION passerelle_fr
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION passerelle_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION passerelle_en
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION passerelle_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION passerelle_simple
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

CREATE AGGREGATE search_tsvector_agg (TSVECTOR) (
    SFUNC = tsvector_concat,
    STYPE = TSVECTOR,
    INITCOND = ''
);

-- The analysis of a language: its stemmer with accents folded, or none.
CREATE FUNCTION search_config(lang TEXT) RETURNS REGCONFIG
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE lang
        WHEN 'de' THEN 'passerelle_de'::regconfig
        WHEN 'fr' THEN 'passerelle_fr'::regconfig
        WHEN 'en' THEN 'passerelle_en'::regconfig
        ELSE 'passerelle_simple'::regconfig
    END
$$;

-- Plain text of stored (sanitised) HTML.
CREATE FUNCTION search_html_text(html TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT replace(replace(replace(replace(replace(replace(
        regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'),
        '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&nbsp;', ' '), '&amp;', '&')
$$;

CREATE FUNCTION search_text_vector(lang TEXT, body TEXT, weight "char") RETURNS TSVECTOR
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(search_config(lang), coalesce(body, '')), weight)
$$;

CREATE TABLE search_documents (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'partnership', 'post')),
    -- The row's id in actors, partnerships or posts.
    source_id BIGINT NOT NULL,
    ap_id TEXT NOT NULL,
    -- Where a person reads it.
    url TEXT NOT NULL,
    local BOOLEAN NOT NULL,
    -- The instance it comes from (its author's domain).
    network TEXT NOT NULL,
    author_ap_id TEXT,
    author_name TEXT,
    -- Language versions, main language first.
    languages TEXT[] NOT NULL,
    title TEXT NOT NULL,
    -- Plain text of every language version, for snippets.
    body TEXT NOT NULL,
    themes TEXT[] NOT NULL DEFAULT '{}',
    sdgs SMALLINT[] NOT NULL DEFAULT '{}',
    countries TEXT[] NOT NULL DEFAULT '{}',
    regions TEXT[] NOT NULL DEFAULT '{}',
    org_kinds TEXT[] NOT NULL DEFAULT '{}',
    published TIMESTAMPTZ NOT NULL,
    tsv TSVECTOR NOT NULL,
    UNIQUE (kind, source_id)
);
CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv);
CREATE INDEX search_documents_published ON search_documents (published DESC, id DESC);

CREATE TABLE search_lexemes (
    lexeme TEXT PRIMARY KEY
);
-- Every suffix of at least 4 characters of every lexeme, in code point order (so that a
-- prefix is a range).
CREATE TABLE search_lexeme_suffixes (
    suffix TEXT COLLATE "C" NOT NULL,
    lexeme TEXT NOT NULL,
    PRIMARY KEY (suffix, lexeme)
);

-- Posts -------------------------------------------------------------------------------------

CREATE FUNCTION search_index_posts(ids BIGINT[]) RETURNS VOID
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

CREATE FUNCTION search_posts_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_posts(ARRAY(SELECT DISTINCT id FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER search_posts_insert AFTER INSERT ON posts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_posts_changed();
CREATE TRIGGER search_posts_update AFTER UPDATE ON posts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_posts_changed();
CREATE TRIGGER search_posts_delete AFTER DELETE ON posts
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_posts_changed();

CREATE FUNCTION search_translations_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_posts(ARRAY(SELECT DISTINCT post_id FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER search_translations_insert AFTER INSERT ON post_translations
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_translations_changed();
CREATE TRIGGER search_translations_update AFTER UPDATE ON post_translations
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_translations_changed();
CREATE TRIGGER search_translations_delete AFTER DELETE ON post_translations
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_translations_changed();

-- Organisations -----------------------------------------------------------------------------

CREATE FUNCTION search_index_actors(ids BIGINT[]) RETURNS VOID
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

CREATE FUNCTION search_actors_inserted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_actors(ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER search_actors_insert AFTER INSERT ON actors
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_actors_inserted();

-- An actor's own document follows every change; its posts and partnerships only changes of
-- what they copy (refetching a remote actor touches it often, its content rarely).
CREATE FUNCTION search_actors_updated() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    moved BIGINT[];
BEGIN
    PERFORM search_index_actors(ARRAY(SELECT id FROM changed));
    moved := ARRAY(
        SELECT n.id FROM changed n JOIN previous o ON o.id = n.id
        WHERE (n.name, n.domain, n.country, n.region, n.org_kind, n.indexable,
               n.discoverable, n.deleted_at)
            IS DISTINCT FROM
              (o.name, o.domain, o.country, o.region, o.org_kind, o.indexable,
               o.discoverable, o.deleted_at));
    IF cardinality(moved) > 0 THEN
        PERFORM search_index_posts(ARRAY(SELECT id FROM posts WHERE actor_id = ANY (moved)));
        PERFORM search_index_partnerships(ARRAY(
            SELECT id FROM partnerships
            WHERE subject_id = ANY (moved) OR object_id = ANY (moved)));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_actors_deleted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_documents
    WHERE kind = 'organisation' AND source_id IN (SELECT id FROM changed);
    RETURN NULL;
END
$$;
CREATE TRIGGER search_actors_delete AFTER DELETE ON actors
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_actors_deleted();

-- Partnerships ------------------------------------------------------------------------------

CREATE FUNCTION search_kind_words(kind TEXT) RETURNS TSVECTOR
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(
        to_tsvector('passerelle_de', w.de) || to_tsvector('passerelle_fr', w.fr)
        || to_tsvector('passerelle_en', w.en), 'C')
    FROM (SELECT CASE kind
        WHEN 'twinning' THEN 'Städtepartnerschaft Partnerschaft'
        WHEN 'friendship' THEN 'Freundschaft Partnerschaft'
        WHEN 'contact' THEN 'Kontakt'
        WHEN 'project' THEN 'Projektpartnerschaft Partnerschaft'
        WHEN 'regional' THEN 'Regionalpartnerschaft Partnerschaft'
        WHEN 'school' THEN 'Schulpartnerschaft Partnerschaft'
        ELSE '' END AS de,
        CASE kind
        WHEN 'twinning' THEN 'jumelage partenariat'
        WHEN 'friendship' THEN 'amitié partenariat'
        WHEN 'contact' THEN 'contact'
        WHEN 'project' THEN 'partenariat de projet'
        WHEN 'regional' THEN 'partenariat régional'
        WHEN 'school' THEN 'partenariat scolaire'
        ELSE '' END AS fr,
        CASE kind
        WHEN 'twinning' THEN 'twinning partnership'
        WHEN 'friendship' THEN 'friendship partnership'
        WHEN 'contact' THEN 'contact'
        WHEN 'project' THEN 'project partnership'
        WHEN 'regional' THEN 'regional partnership'
        WHEN 'school' THEN 'school partnership'
        ELSE '' END AS en) w
$$;

CREATE FUNCTION search_index_partnerships(ids BIGINT[]) RETURNS VOID
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

CREATE TRIGGER search_actors_update AFTER UPDATE ON actors
    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_actors_updated();

CREATE FUNCTION search_partnerships_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_partnerships(ARRAY(SELECT DISTINCT id FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER search_partnerships_insert AFTER INSERT ON partnerships
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_partnerships_changed();
CREATE TRIGGER search_partnerships_update AFTER UPDATE ON partnerships
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_partnerships_changed();
CREATE TRIGGER search_partnerships_delete AFTER DELETE ON partnerships
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_partnerships_changed();

-- The lexicon of compound parts -------------------------------------------------------------

-- New long lexemes of new documents, in sorted order (so that concurrent writers take row
-- locks in the same order); those already known are skipped without locking. The suffixes
-- of those actually added follow.
CREATE FUNCTION search_documents_added() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    WITH added AS (
        INSERT INTO search_lexemes (lexeme)
        SELECT DISTINCT l.lexeme
        FROM changed, unnest(changed.tsv) l
        WHERE length(l.lexeme) >= 6
            AND NOT EXISTS (SELECT 1 FROM search_lexemes k WHERE k.lexeme = l.lexeme)
        ORDER BY 1
        ON CONFLICT DO NOTHING
        RETURNING lexeme
    )
    INSERT INTO search_lexeme_suffixes (suffix, lexeme)
    SELECT substr(a.lexeme, i), a.lexeme
    FROM added a, generate_series(1, length(a.lexeme) - 3) i
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_documents_added();

-- Rebuilds every document and the lexicon (after a change of analysis, or to measure).
CREATE FUNCTION search_rebuild() RETURNS BIGINT
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE search_documents, search_lexemes, search_lexeme_suffixes;
    PERFORM search_index_actors(ARRAY(SELECT id FROM actors));
    PERFORM search_index_partnerships(ARRAY(SELECT id FROM partnerships));
    PERFORM search_index_posts(ARRAY(SELECT id FROM posts));
    RETURN (SELECT count(*) FROM search_documents);
END
$$;

-- Queries -----------------------------------------------------------------------------------

-- One query word (letters and digits only): its stems in every analysis we use, as
-- prefixes if asked, or'ed with the indexed lexemes that contain one of them (compound
-- parts). NULL when the word is only a stop word.
CREATE FUNCTION search_term_query(term TEXT, is_prefix BOOLEAN) RETURNS TSQUERY
LANGUAGE plpgsql STABLE AS $$
DECLARE
    stems TEXT[];
    wider TEXT[];
    parts TEXT[];
BEGIN
    stems := ARRAY(
        SELECT DISTINCT s
        FROM unnest(ARRAY['passerelle_de', 'passerelle_fr', 'passerelle_en',
                          'passerelle_simple']::regconfig[]) c,
             unnest(tsvector_to_array(to_tsvector(c, term))) s
        WHERE position('\' IN s) = 0);
    IF cardinality(stems) = 0 THEN
        RETURN NULL;
    END IF;
    IF NOT is_prefix THEN
        wider := ARRAY(
            SELECT DISTINCT k.lexeme
            FROM unnest(stems) s
            CROSS JOIN LATERAL (
                SELECT l.lexeme
                FROM (
                    SELECT DISTINCT x.lexeme FROM search_lexeme_suffixes x
                    WHERE length(s) >= 4
                        AND x.suffix >= s COLLATE "C"
                        AND x.suffix < (s || chr(1114111)) COLLATE "C"
                        AND starts_with(x.suffix, s)
                ) l
                WHERE l.lexeme <> s
                ORDER BY length(l.lexeme), l.lexeme
                LIMIT 40
            ) k);
    ELSE
        wider := '{}';
    END IF;
    parts := ARRAY(
        SELECT quote_literal(x) || CASE WHEN is_prefix THEN ':*' ELSE '' END
        FROM unnest(stems || wider) x);
    RETURN array_to_string(parts, ' | ')::tsquery;
END
$$;

-- A phrase: the words in this order, in any of our analyses. NULL when only stop words.
CREATE FUNCTION search_phrase_query(words TEXT) RETURNS TSQUERY
LANGUAGE plpgsql STABLE AS $$
DECLARE
    q TSQUERY;
    one TSQUERY;
    c REGCONFIG;
BEGIN
    FOREACH c IN ARRAY ARRAY['passerelle_de', 'passerelle_fr', 'passerelle_en',
                             'passerelle_simple']::regconfig[] LOOP
        one := phraseto_tsquery(c, words);
        IF numnode(one) > 0 THEN
            q := CASE WHEN q IS NULL THEN one ELSE q || one END;
        END IF;
    END LOOP;
    RETURN q;
END
$$;

-- The whole query: every word (or prefix) and every phrase, none of the excluded words.
CREATE FUNCTION search_query(terms TEXT[], prefixes BOOLEAN[], phrases TEXT[],
                             excluded TEXT[]) RETURNS TSQUERY
LANGUAGE plpgsql STABLE AS $$
DECLARE
    q TSQUERY;
    one TSQUERY;
    i INTEGER;
    p TEXT;
BEGIN
    FOR i IN 1 .. coalesce(cardinality(terms), 0) LOOP
        one := search_term_query(terms[i], prefixes[i]);
        IF one IS NOT NULL THEN
            q := CASE WHEN q IS NULL THEN one ELSE q && one END;
        END IF;
    END LOOP;
    FOREACH p IN ARRAY coalesce(phrases, '{}') LOOP
        one := search_phrase_query(p);
        IF one IS NOT NULL THEN
            q := CASE WHEN q IS NULL THEN one ELSE q && one END;
        END IF;
    END LOOP;
    IF q IS NULL THEN
        RETURN NULL;
    END IF;
    FOREACH p IN ARRAY coalesce(excluded, '{}') LOOP
        one := search_term_query(p, false);
        IF one IS NOT NULL THEN
            q := q && !! one;
        END IF;
    END LOOP;
    RETURN q;
END
$$;
