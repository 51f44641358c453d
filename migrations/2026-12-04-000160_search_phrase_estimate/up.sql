-- The estimate of a query that is one phrase ("comité de jumelage") is the planner's
-- estimate of the rarest word of each of its forms, any of them.
--
-- The planner takes the words of a phrase as independent, and so expects "comité de
-- jumelage" in 22,000 documents of 1,000,000 where it is in 113,000. Taking any of its words
-- instead expected 984,000, as "de" is in half of them: the first window was then far too
-- narrow and a second reading was needed. A phrase is in no more documents than its rarest
-- word, which here is in about 90,000, so the estimate is near and a single window reading
-- usually does. The frequencies are the ones ANALYZE keeps for `tsv` (its most common
-- lexemes); a lexeme not among them is rarer than all of them.
CREATE FUNCTION search_phrase_words(q TEXT) RETURNS TSQUERY
LANGUAGE plpgsql STABLE AS $$
DECLARE
    common TEXT[];
    freqs REAL[];
    form TEXT;
    word TEXT;
    rarest TEXT;
    rarest_freq REAL;
    freq REAL;
    picked TEXT[] := '{}';
BEGIN
    SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs
    INTO common, freqs
    FROM pg_stats s
    WHERE s.tablename = 'search_documents' AND s.attname = 'tsv'
    LIMIT 1;
    -- The forms of the phrase (one per language's analysis) are joined by `|`.
    FOREACH form IN ARRAY string_to_array(q, ' | ') LOOP
        rarest := NULL;
        rarest_freq := NULL;
        FOR word IN SELECT m[1] FROM regexp_matches(form, '''((?:[^'']|'''')+)''', 'g') AS m LOOP
            freq := coalesce(freqs[array_position(common, replace(word, '''''', ''''))], 0);
            IF rarest_freq IS NULL OR freq < rarest_freq THEN
                rarest := word;
                rarest_freq := freq;
            END IF;
        END LOOP;
        IF rarest IS NOT NULL AND NOT ('''' || rarest || '''') = ANY (picked) THEN
            picked := picked || ('''' || rarest || '''');
        END IF;
    END LOOP;
    IF cardinality(picked) = 0 THEN
        RETURN q::tsquery;
    END IF;
    RETURN array_to_string(picked, ' | ')::tsquery;
END
$$;
