-- The delivery queue leases a claim as one row, and records a delivered batch as one row per
-- activity, instead of writing every delivery twice.
--
-- Before, a claim locked each row it took (`FOR UPDATE SKIP LOCKED`) and wrote a new version
-- of it with `locked_until`; the outcome wrote a third version with `state = 'delivered'`,
-- with new entries in the table's unconditional indexes. Those row writes were most of what
-- a delivery cost PostgreSQL (0.034 ms to claim and 0.019 ms to record, a delivery, in
-- batches of 128: `scripts/delivery-sql-probe`).
--
-- Now:
-- * A claim is one row in `delivery_leases` holding the ids it took. Claims take turns
--   under a transaction-level advisory lock, so each sees the leases committed before it and
--   leaves their deliveries out; the deliveries themselves are not written. A lease is
--   removed when the last outcome of its claim is recorded; one whose process died runs out
--   at `until`, and its deliveries that are still pending are due again, as before.
-- * A delivered delivery is deleted from `deliveries` (one row version, no index entry), and
--   what reports and a person's deletion read of it is kept in `delivered_batches`: one row
--   per activity and recorded batch, with the inboxes, instances and attempts as arrays.
--   Deliveries still pending, given up, rejected or gone stay in `deliveries` as before.
CREATE TABLE delivery_leases (
    id BIGSERIAL PRIMARY KEY,
    until TIMESTAMPTZ NOT NULL,
    ids BIGINT[] NOT NULL
);

CREATE TABLE delivered_batches (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES outbound_activities (id) ON DELETE CASCADE,
    inboxes TEXT[] NOT NULL,
    domains TEXT[] NOT NULL,
    attempts INTEGER[] NOT NULL,
    delivered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (cardinality(inboxes) = cardinality(domains)
           AND cardinality(inboxes) = cardinality(attempts))
);
CREATE INDEX delivered_batches_activity ON delivered_batches (activity_id);

INSERT INTO delivered_batches (activity_id, inboxes, domains, attempts, delivered_at)
SELECT activity_id, array_agg(inbox ORDER BY id), array_agg(domain ORDER BY id),
       array_agg(attempts ORDER BY id), COALESCE(max(finished_at), now())
FROM deliveries WHERE state = 'delivered'
GROUP BY activity_id;
DELETE FROM deliveries WHERE state = 'delivered';

DROP FUNCTION record_delivered(bigint[], integer[], text[], double precision);
DROP FUNCTION claim_deliveries(bigint, bigint, text[], text[], bigint[], double precision);
ALTER TABLE deliveries DROP COLUMN locked_until;

-- Claims up to `lim` due deliveries that no live lease holds, at most `per_domain` minus
-- `busy_counts` per instance (this process's deliveries in flight), none to `full_domains`,
-- and leases them as one row for `lease_seconds`. Returns the lease's id with each.
CREATE FUNCTION claim_deliveries(
    lim bigint,
    per_domain bigint,
    full_domains text[],
    busy_domains text[],
    busy_counts bigint[],
    lease_seconds double precision
) RETURNS TABLE (
    lease_id bigint,
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
-- The disabled sequential scan of the small `delivery_leases` is costed as huge, which would
-- have the statement compiled by JIT (0.3 s) on every call.
SET jit = off
AS $$
#variable_conflict use_column
BEGIN
    -- One claim at a time, in every process: the next one waits for this one's commit, and
    -- its statements, each with a snapshot of its own, see the lease written here.
    PERFORM pg_advisory_xact_lock(hashtext('passerelle.delivery_claim'));
    -- Leases of processes that died.
    DELETE FROM delivery_leases l WHERE l.until < now();
    RETURN QUERY
    WITH leased AS MATERIALIZED (
        SELECT unnest(l.ids) AS id FROM delivery_leases l
    ), due AS (
        -- Candidates in index order: leased deliveries (at most those in flight, at the
        -- head of the index) are stepped over, and 4 × lim others are ranked.
        SELECT dd.id, dd.inbox, dd.domain, dd.attempts, dd.created_at, dd.activity_id,
               dd.next_attempt_at
        FROM deliveries dd
        WHERE dd.state = 'pending' AND dd.next_attempt_at <= now()
          AND dd.domain <> ALL (full_domains)
        ORDER BY dd.next_attempt_at
        LIMIT lim * 4 + (SELECT count(*) FROM leased)
    ), free AS (
        SELECT due.* FROM due LEFT JOIN leased ON leased.id = due.id WHERE leased.id IS NULL
    ), ranked AS (
        SELECT free.*,
               row_number() OVER (PARTITION BY free.domain ORDER BY free.next_attempt_at, free.id) AS rn,
               per_domain - COALESCE(b.n, 0) AS room
        FROM free LEFT JOIN unnest(busy_domains, busy_counts) AS b(domain, n) ON b.domain = free.domain
    ), picked AS MATERIALIZED (
        SELECT ranked.id, ranked.inbox, ranked.domain, ranked.attempts, ranked.created_at,
               ranked.activity_id
        FROM ranked WHERE ranked.rn <= ranked.room
        ORDER BY ranked.next_attempt_at, ranked.id LIMIT lim
    ), lease AS (
        INSERT INTO delivery_leases (until, ids)
        SELECT now() + make_interval(secs => lease_seconds), array_agg(picked.id) FROM picked
        HAVING count(*) > 0
        RETURNING delivery_leases.id
    )
    SELECT lease.id, picked.id, picked.inbox, picked.domain, picked.attempts,
           picked.created_at, picked.activity_id
    FROM picked CROSS JOIN lease;
END
$$;

-- Records deliveries that succeeded: deleted from the queue, kept per activity in
-- `delivered_batches`; removes the leases whose claims are now all recorded; marks the
-- instances that answered (`domains`) as alive, writing only where that changes something.
-- Commits without waiting for the WAL flush (a crash of PostgreSQL itself within a moment
-- may lose the record; the deliveries are then sent again after their lease, which
-- at-least-once delivery allows).
CREATE FUNCTION record_delivered(
    ids bigint[],
    domains text[],
    refresh_seconds double precision,
    released bigint[]
) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    -- Local to the caller's transaction: this statement's own, as the worker calls it.
    PERFORM set_config('synchronous_commit', 'off', true);
    WITH done AS (
        DELETE FROM deliveries d WHERE d.id = ANY (ids)
        RETURNING d.id, d.activity_id, d.inbox, d.domain, d.attempts
    )
    INSERT INTO delivered_batches (activity_id, inboxes, domains, attempts)
    SELECT done.activity_id, array_agg(done.inbox ORDER BY done.id),
           array_agg(done.domain ORDER BY done.id), array_agg(done.attempts + 1 ORDER BY done.id)
    FROM done GROUP BY done.activity_id;
    DELETE FROM delivery_leases WHERE delivery_leases.id = ANY (released);
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
