DROP FUNCTION record_delivered(bigint[], integer[], text[], double precision);
DROP FUNCTION claim_deliveries(bigint, bigint, text[], text[], bigint[], double precision);

CREATE FUNCTION claim_deliveries(
    lim bigint,
    per_domain bigint,
    full_domains text[],
    busy_domains text[],
    busy_counts bigint[],
    lease_seconds double precision
) RETURNS TABLE (
    id bigint,
    inbox text,
    domain text,
    attempts integer,
    created_at timestamptz,
    payload text,
    actor_id bigint
)
LANGUAGE plpgsql
SET enable_bitmapscan = off
SET enable_seqscan = off
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH due AS (
        -- Candidates, read without locks: the first 4 × lim due rows in index order.
        SELECT dd.id, dd.domain, dd.next_attempt_at FROM deliveries dd
        WHERE dd.state = 'pending' AND dd.next_attempt_at <= now()
          AND (dd.locked_until IS NULL OR dd.locked_until < now())
          AND dd.domain <> ALL (full_domains)
        ORDER BY dd.next_attempt_at
        LIMIT lim * 4
    ), ranked AS (
        SELECT due.id, due.next_attempt_at,
               row_number() OVER (PARTITION BY due.domain ORDER BY due.next_attempt_at, due.id) AS rn,
               per_domain - COALESCE(b.n, 0) AS room
        FROM due LEFT JOIN unnest(busy_domains, busy_counts) AS b(domain, n) ON b.domain = due.domain
    ), picked AS (
        SELECT ranked.id FROM ranked WHERE ranked.rn <= ranked.room
        ORDER BY ranked.next_attempt_at, ranked.id LIMIT lim
    ), locked AS (
        -- Only the picked rows are locked. One another worker holds is skipped; one another
        -- worker claimed since the candidates were read is checked again on its newest
        -- version and left out, as it is no longer due.
        SELECT dl.id FROM deliveries dl
        WHERE dl.id IN (SELECT picked.id FROM picked)
          AND dl.state = 'pending' AND dl.next_attempt_at <= now()
          AND (dl.locked_until IS NULL OR dl.locked_until < now())
        FOR UPDATE SKIP LOCKED
    )
    UPDATE deliveries d
    SET locked_until = now() + make_interval(secs => lease_seconds)
    FROM locked, outbound_activities a
    WHERE d.id = locked.id AND a.id = d.activity_id
    RETURNING d.id, d.inbox, d.domain, d.attempts, d.created_at, a.payload, a.actor_id;
END
$$;

