-- An excluded phrase (`-"entre les écoles"`, `-Klima-Schutz`) leaves out the posts that
-- hold those words in that order, not the posts that hold any of them: an excluded entry
-- with a space is a phrase, read as a phrase is; one without is a word, as before.
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
        one := CASE WHEN position(' ' IN p) > 0 THEN search_phrase_query(p)
                    ELSE search_term_query(p, false) END;
        IF one IS NOT NULL THEN
            q := q && !! one;
        END IF;
    END LOOP;
    RETURN q;
END
$$;
