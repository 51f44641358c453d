-- How a query that is one phrase ("comité de jumelage") is estimated and looked up, from the
-- frequencies of the lexemes that ANALYZE keeps for `tsv` (its most common ones; a lexeme
-- not among them is rarer than all of them). The phrase's forms (one per language's
-- analysis) are joined by ` | ` at the top of its text; the caller passes a phrase without
-- parentheses or negation.
--
-- Estimate (`search_phrase_words`): the rarest word of each form, any of them. The planner
-- takes the words of a phrase as independent, and so expects "comité de jumelage" in 22,000
-- documents of 1,000,000 where it is in 113,000; any of its words expected 984,000, as "de"
-- is in half of them, and the first window was then far too narrow. A phrase is in no more
-- documents than its rarest word (here about 90,000).
--
-- Lookup (`search_phrase_lookup`): each form's words joined by `&`, without the words in
-- more than a fifth of all documents ("de", "la", "der"); a form made only of such words
-- keeps them. The GIN scan no longer reads their posting lists (23 ms without "de" and
-- 38 ms with it, at 1,000,000 posts), and leaving words out of an `&` only widens what the
-- lookup finds: the caller checks the phrase exactly on the rows found.

-- Each word of each form of `q`, quoted as in a tsquery, with its share of documents.
CREATE FUNCTION search_phrase_word_shares(q TEXT)
RETURNS TABLE (form INT, word TEXT, share REAL)
LANGUAGE sql STABLE AS $$
    WITH stats AS (
        SELECT s.most_common_elems::text::text[] AS common, s.most_common_elem_freqs AS freqs
        FROM pg_stats s
        WHERE s.tablename = 'search_documents' AND s.attname = 'tsv'
        LIMIT 1
    )
    SELECT f.n::int, '''' || m[1] || '''',
        coalesce((SELECT st.freqs[array_position(st.common, replace(m[1], '''''', ''''))]
                  FROM stats st), 0)
    FROM unnest(string_to_array(q, ' | ')) WITH ORDINALITY AS f(text, n),
        regexp_matches(f.text, '''((?:[^'']|'''')+)''', 'g') AS m
$$;

CREATE FUNCTION search_phrase_words(q TEXT) RETURNS TSQUERY
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(DISTINCT rarest, ' | '), q)::tsquery
    FROM (
        SELECT DISTINCT ON (w.form) w.word AS rarest
        FROM search_phrase_word_shares(q) w
        ORDER BY w.form, w.share
    ) r
$$;

CREATE FUNCTION search_phrase_lookup(q TEXT) RETURNS TSQUERY
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(DISTINCT kept, ' | '), q)::tsquery
    FROM (
        SELECT '(' || string_agg(w.word, ' & ') || ')' AS kept
        FROM (
            SELECT s.*,
                bool_or(s.share <= 0.2) OVER (PARTITION BY s.form) AS has_rare
            FROM search_phrase_word_shares(q) s
        ) w
        WHERE w.share <= 0.2 OR NOT w.has_rare
        GROUP BY w.form
    ) f
$$;
