-- Italian and Polish join German, French and English as languages of posts and of search.
-- Which analysis a language's text gets is now a table, `search_languages`, rather than a
-- list in each function: passerelle adds the languages of locales/languages.toml that are
-- missing from it at start-up (db::languages), creating their configuration from the
-- stemmer named there, so that a new language needs no migration of its own.

CREATE TEXT SEARCH CONFIGURATION passerelle_it (COPY = italian);
ALTER TEXT SEARCH CONFIGURATION passerelle_it
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;
-- PostgreSQL has no Polish stemmer: words are kept as written, accents folded.
CREATE TEXT SEARCH CONFIGURATION passerelle_pl (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION passerelle_pl
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

CREATE TABLE search_languages (
    lang TEXT PRIMARY KEY,
    config REGCONFIG NOT NULL
);

-- `search_config` and `search_configs` are written from the table whenever it changes: a
-- CASE and a constant array, which PostgreSQL inlines into its callers. (Looking the table
-- up on every call made analysing a text cost 82 µs instead of 2.3 µs, and a query's
-- analysis 2.5 times as long.)
CREATE FUNCTION search_languages_define() RETURNS TRIGGER
LANGUAGE plpgsql AS $define$
DECLARE
    cases TEXT;
    configs TEXT;
BEGIN
    SELECT string_agg(format('WHEN %L THEN %L::regconfig', l.lang, l.config::text), ' '
                      ORDER BY l.lang)
    INTO cases FROM search_languages l;
    -- The analysis of a language: its stemmer with accents folded, or none.
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION search_config(lang TEXT) RETURNS REGCONFIG
        LANGUAGE sql STABLE PARALLEL SAFE AS $b$
            SELECT CASE lang %s ELSE 'passerelle_simple'::regconfig END
        $b$
    $f$, coalesce(cases, ''));
    -- Every analysis a query word is looked up in, each once: a configuration that maps
    -- every token as another one does (Polish and no language) is left out.
    SELECT string_agg(format('%L', d.c::text), ', ' ORDER BY d.c::text)
    INTO configs
    FROM (
        SELECT DISTINCT ON (s.signature) s.c
        FROM (
            SELECT a.c, a.c = 'passerelle_simple'::regconfig AS simple,
                ARRAY(SELECT format('%s/%s/%s', m.maptokentype, m.mapseqno, m.mapdict)
                      FROM pg_ts_config_map m WHERE m.mapcfg = a.c
                      ORDER BY m.maptokentype, m.mapseqno) AS signature
            FROM (SELECT l.config AS c FROM search_languages l
                  UNION SELECT 'passerelle_simple'::regconfig) a
        ) s
        ORDER BY s.signature, s.simple DESC, s.c::text
    ) d;
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION search_configs() RETURNS REGCONFIG[]
        LANGUAGE sql STABLE PARALLEL SAFE AS $b$
            SELECT ARRAY[%s]::regconfig[]
        $b$
    $f$, configs);
    RETURN NULL;
END
$define$;

CREATE TRIGGER search_languages_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_languages
    FOR EACH STATEMENT EXECUTE FUNCTION search_languages_define();

INSERT INTO search_languages (lang, config) VALUES
    ('de', 'passerelle_de'),
    ('fr', 'passerelle_fr'),
    ('en', 'passerelle_en'),
    ('it', 'passerelle_it'),
    ('pl', 'passerelle_pl');

CREATE OR REPLACE FUNCTION search_term_query(term TEXT, is_prefix BOOLEAN) RETURNS TSQUERY
LANGUAGE plpgsql STABLE AS $$
DECLARE
    stems TEXT[];
    wider TEXT[];
    parts TEXT[];
BEGIN
    stems := ARRAY(
        SELECT DISTINCT s
        FROM unnest(search_configs()) c,
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

CREATE OR REPLACE FUNCTION search_phrase_query(words TEXT) RETURNS TSQUERY
LANGUAGE plpgsql STABLE AS $$
DECLARE
    q TSQUERY;
    one TSQUERY;
    c REGCONFIG;
BEGIN
    FOREACH c IN ARRAY search_configs() LOOP
        one := phraseto_tsquery(c, words);
        IF numnode(one) > 0 THEN
            q := CASE WHEN q IS NULL THEN one ELSE q || one END;
        END IF;
    END LOOP;
    RETURN q;
END
$$;

-- The words of a partnership kind in every language, so that "gemellaggio" or "partnerstwo"
-- finds twinnings.
CREATE OR REPLACE FUNCTION search_kind_words(kind TEXT) RETURNS TSVECTOR
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(
        to_tsvector('passerelle_de', w.de) || to_tsvector('passerelle_fr', w.fr)
        || to_tsvector('passerelle_en', w.en) || to_tsvector('passerelle_it', w.it)
        || to_tsvector('passerelle_pl', w.pl), 'C')
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
        ELSE '' END AS en,
        CASE kind
        WHEN 'twinning' THEN 'gemellaggio partenariato'
        WHEN 'friendship' THEN 'amicizia partenariato'
        WHEN 'contact' THEN 'contatto'
        WHEN 'project' THEN 'partenariato di progetto'
        WHEN 'regional' THEN 'partenariato regionale'
        WHEN 'school' THEN 'partenariato scolastico gemellaggio scolastico'
        ELSE '' END AS it,
        CASE kind
        WHEN 'twinning' THEN 'partnerstwo miast miasta partnerskie partnerskie'
        WHEN 'friendship' THEN 'przyjaźń partnerstwo'
        WHEN 'contact' THEN 'kontakt'
        WHEN 'project' THEN 'partnerstwo projektowe'
        WHEN 'regional' THEN 'partnerstwo regionalne'
        WHEN 'school' THEN 'partnerstwo szkół partnerstwo szkolne'
        ELSE '' END AS pl) w
$$;

-- What was analysed without a stemmer (Italian and Polish text) or lacks the new kind words
-- (partnerships) is built again by the indexer.
SELECT search_queue('post', ARRAY(
    SELECT DISTINCT post_id FROM post_translations WHERE language IN ('it', 'pl')));
SELECT search_queue('organisation', ARRAY(
    SELECT id FROM actors
    WHERE languages && ARRAY['it', 'pl'] OR summary_map ?| ARRAY['it', 'pl']));
SELECT search_queue('partnership', ARRAY(SELECT id FROM partnerships));
