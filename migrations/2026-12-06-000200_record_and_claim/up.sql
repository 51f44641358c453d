-- The delivery worker records the outcomes it has and claims its next deliveries in one
-- call: one round trip and one commit where there were two.
--
-- Both halves are the functions of migrations 000180 and 000190, unchanged: the outcomes
-- are recorded first (a delivery recorded here is no longer pending, and a lease released
-- here no longer holds its ids), then the claim runs under its advisory lock. The
-- transaction commits without waiting for its WAL flush, the claim's lease included: if
-- PostgreSQL itself crashed within a moment, the lease could be lost and its deliveries
-- claimed again and sent twice, which at-least-once delivery allows (as it allows for the
-- outcomes, see `record_delivered`).
CREATE FUNCTION record_and_claim(
    ids bigint[],
    domains text[],
    refresh_seconds double precision,
    released bigint[],
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
AS $$
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    IF cardinality(ids) > 0 OR cardinality(released) > 0 OR cardinality(domains) > 0 THEN
        PERFORM record_delivered(ids, domains, refresh_seconds, released);
    END IF;
    IF lim > 0 THEN
        RETURN QUERY SELECT * FROM claim_deliveries(
            lim, per_domain, full_domains, busy_domains, busy_counts, lease_seconds);
    END IF;
END
$$;
