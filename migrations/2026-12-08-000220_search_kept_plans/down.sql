DROP FUNCTION search_hits(BIGINT[], REAL[], TSQUERY, TEXT, BOOLEAN);

CREATE OR REPLACE FUNCTION search_newest_since(share DOUBLE PRECISION) RETURNS TIMESTAMPTZ
LANGUAGE sql STABLE AS $$
    SELECT b[k + 1] + (b[k + 2] - b[k + 1]) * (p - k)
    FROM (
        SELECT b, p, least(floor(p)::int, cardinality(b) - 2) AS k
        FROM (
            SELECT s.histogram_bounds::text::timestamptz[] AS b,
                greatest(0, 1 - share) * (cardinality(s.histogram_bounds::text::timestamptz[]) - 1)
                    AS p
            FROM pg_stats s
            WHERE s.schemaname = current_schema() AND s.tablename = 'search_documents'
                AND s.attname = 'published'
        ) h
        WHERE cardinality(b) > 1
    ) x
    WHERE share > 0 AND share < 1
$$;
