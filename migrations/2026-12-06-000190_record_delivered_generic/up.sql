-- `record_delivered` runs one plan whatever its arrays hold, and skips the statements it has
-- nothing for.
--
-- Under load the worker records a batch every few milliseconds. PostgreSQL planned the
-- function's statements anew for most calls (their arrays change size, so the plan cache kept
-- choosing custom plans): about a seventh of the function's time. The plans are the same
-- for any batch (index lookups by key), so the function now keeps one generic plan.
--
-- The worker now passes only the instances whose health it has not written lately (it
-- remembers, per process, which instances it recorded as answering in the last 30 seconds,
-- and forgets one as soon as it fails). With none to write, and no lease to release, the
-- statements for them are not run.
CREATE OR REPLACE FUNCTION record_delivered(
    ids bigint[],
    domains text[],
    refresh_seconds double precision,
    released bigint[]
) RETURNS void
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    -- Local to the caller's transaction: this statement's own, as the worker calls it. (A
    -- `SET` clause of the function would be undone when it returns, before the commit.)
    PERFORM set_config('synchronous_commit', 'off', true);
    WITH done AS (
        DELETE FROM deliveries d WHERE d.id = ANY (ids)
        RETURNING d.id, d.activity_id, d.inbox, d.domain, d.attempts
    )
    INSERT INTO delivered_batches (activity_id, inboxes, domains, attempts)
    SELECT done.activity_id, array_agg(done.inbox ORDER BY done.id),
           array_agg(done.domain ORDER BY done.id), array_agg(done.attempts + 1 ORDER BY done.id)
    FROM done GROUP BY done.activity_id;
    IF cardinality(released) > 0 THEN
        DELETE FROM delivery_leases WHERE delivery_leases.id = ANY (released);
    END IF;
    IF cardinality(domains) > 0 THEN
        UPDATE instances SET failing_since = NULL, unreachable = false, last_success_at = now()
        WHERE instances.domain = ANY (domains)
          AND (failing_since IS NOT NULL OR unreachable OR last_success_at IS NULL
               OR last_success_at < now() - make_interval(secs => refresh_seconds));
        INSERT INTO instances (domain, last_success_at)
        SELECT t.domain, now() FROM unnest(domains) AS t(domain)
        WHERE NOT EXISTS (SELECT 1 FROM instances i WHERE i.domain = t.domain)
        ON CONFLICT (domain) DO NOTHING;
    END IF;
END
$$;
