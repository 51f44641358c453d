-- Back to migration 000180's `record_delivered`: plans chosen per call, every statement run.
CREATE OR REPLACE FUNCTION record_delivered(
    ids bigint[],
    domains text[],
    refresh_seconds double precision,
    released bigint[]
) RETURNS void
LANGUAGE plpgsql
RESET plan_cache_mode
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
