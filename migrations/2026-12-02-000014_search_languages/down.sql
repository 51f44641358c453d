CREATE OR REPLACE FUNCTION search_config(lang TEXT) RETURNS REGCONFIG
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE lang
        WHEN 'de' THEN 'passerelle_de'::regconfig
        WHEN 'fr' THEN 'passerelle_fr'::regconfig
        WHEN 'en' THEN 'passerelle_en'::regconfig
        ELSE 'passerelle_simple'::regconfig
    END
$$;

CREATE OR REPLACE FUNCTION search_term_query(term TEXT, is_prefix BOOLEAN) RETURNS TSQUERY
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

CREATE OR REPLACE FUNCTION search_phrase_query(words TEXT) RETURNS TSQUERY
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

CREATE OR REPLACE FUNCTION search_kind_words(kind TEXT) RETURNS TSVECTOR
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

DROP TABLE search_languages;
DROP FUNCTION search_languages_define();
DROP FUNCTION search_configs();
-- Configurations added at start-up for languages beyond these (passerelle_<code>) are left.
DROP TEXT SEARCH CONFIGURATION passerelle_it;
DROP TEXT SEARCH CONFIGURATION passerelle_pl;
SELECT search_queue('post', ARRAY(
    SELECT DISTINCT post_id FROM post_translations WHERE language IN ('it', 'pl')));
SELECT search_queue('partnership', ARRAY(SELECT id FROM partnerships));
