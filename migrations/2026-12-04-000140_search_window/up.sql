-- A search for words that match more documents than it ranks (`CANDIDATES` in
-- src/search/local.rs) ranks and counts its newest matches only, and reads those without
-- reading every match: it asks for the matches published since a time chosen so that about
-- the right share of all documents is newer. This function gives that time, read off the
-- planner's statistics of `published` (kept by ANALYZE and autovacuum), interpolated between
-- the histogram's bounds. NULL when there are no statistics yet, or when the share is 1 or
-- more: then the search reads every match.
CREATE FUNCTION search_newest_since(share DOUBLE PRECISION) RETURNS TIMESTAMPTZ
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

-- How many documents the planner expects a query to match with the search's filters (its
-- statistics of `tsv`, `kind`, `themes`, …): cheap, and only a first guess: the search
-- corrects it by what the first window held. (VOLATILE only because PostgreSQL allows
-- EXPLAIN in no other kind of function; it changes nothing.)
CREATE FUNCTION search_estimate(q TSQUERY, kind TEXT, theme TEXT, sdg SMALLINT, country TEXT,
                                region TEXT, org_kind TEXT, lang TEXT, network TEXT,
                                since DATE, until DATE) RETURNS BIGINT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    plan JSON;
    cond TEXT := format('tsv @@ %L::tsquery', q);
BEGIN
    IF kind IS NOT NULL THEN cond := cond || format(' AND kind = %L', kind); END IF;
    IF theme IS NOT NULL THEN cond := cond || format(' AND themes @> ARRAY[%L]', theme); END IF;
    IF sdg IS NOT NULL THEN cond := cond || format(' AND sdgs @> ARRAY[%s::smallint]', sdg); END IF;
    IF country IS NOT NULL THEN
        cond := cond || format(' AND countries @> ARRAY[%L]', country);
    END IF;
    IF region IS NOT NULL THEN cond := cond || format(' AND regions @> ARRAY[%L]', region); END IF;
    IF org_kind IS NOT NULL THEN
        cond := cond || format(' AND org_kinds @> ARRAY[%L]', org_kind);
    END IF;
    IF lang IS NOT NULL THEN cond := cond || format(' AND languages @> ARRAY[%L]', lang); END IF;
    IF network IS NOT NULL THEN cond := cond || format(' AND network = %L', network); END IF;
    IF since IS NOT NULL THEN cond := cond || format(' AND published >= %L::date', since); END IF;
    IF until IS NOT NULL THEN
        cond := cond || format(' AND published < %L::date + 1', until);
    END IF;
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents WHERE ' || cond INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::BIGINT;
END
$$;
