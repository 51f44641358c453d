-- Back to excluded entries read as single words only.
-- The whole query: every word (or prefix) and every phrase, none of the excluded words.
CREATE OR REPLACE FUNCTION search_query(terms TEXT[], prefixes BOOLEAN[], phrases TEXT[],
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
