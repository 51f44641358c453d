DROP FUNCTION record_delivered(bigint[], text[], double precision, bigint[]);
DROP FUNCTION claim_deliveries(bigint, bigint, text[], text[], bigint[], double precision);
ALTER TABLE deliveries ADD COLUMN locked_until TIMESTAMPTZ;

INSERT INTO deliveries (activity_id, inbox, domain, state, attempts, created_at, finished_at)
SELECT b.activity_id, t.inbox, t.domain, 'delivered', t.attempts, b.delivered_at, b.delivered_at
FROM delivered_batches b, unnest(b.inboxes, b.domains, b.attempts) AS t(inbox, domain, attempts)
ON CONFLICT (activity_id, inbox) DO NOTHING;

DROP TABLE delivered_batches;
DROP TABLE delivery_leases;

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
    activity_id bigint
)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
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
    FROM locked
    WHERE d.id = locked.id
    RETURNING d.id, d.inbox, d.domain, d.attempts, d.created_at, d.activity_id;
END
$$;


CREATE FUNCTION record_delivered(
    ids bigint[],
    statuses integer[],
    domains text[],
    refresh_seconds double precision
) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    -- Local to the caller's transaction: this statement's own, as the worker calls it.
    PERFORM set_config('synchronous_commit', 'off', true);
    UPDATE deliveries d
    SET state = 'delivered', attempts = d.attempts + 1, last_status = t.status,
        last_error = NULL, finished_at = now(), locked_until = NULL
    FROM unnest(ids, statuses) AS t(id, status)
    WHERE d.id = t.id;
    -- The instances answered: revive the failing, record the unknown, and refresh
    -- `last_success_at` at most every `refresh_seconds`; nothing is written otherwise.
    UPDATE instances SET failing_since = NULL, unreachable = false, last_success_at = now()
    WHERE instances.domain = ANY (domains)
      AND (failing_since IS NOT NULL OR unreachable OR last_success_at IS NULL
           OR last_success_at < now() - make_interval(secs => refresh_seconds));
    INSERT INTO instances (domain, last_success_at)
    SELECT t.domain, now() FROM unnest(domains) AS t(domain)
    WHERE NOT EXISTS (SELECT 1 FROM instances i WHERE i.domain = t.domain)
    ON CONFLICT (domain) DO NOTHING;
END
$$;
