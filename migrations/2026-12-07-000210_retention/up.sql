-- What the server keeps of its traffic is bounded: a periodic pass (`maintenance`) forgets
-- what no longer serves a purpose, a batch at a time.
--
-- * Sent activities whose deliveries are all finished, older than `retention.sent_days`,
--   are deleted with their deliveries and delivered batches (the payload is most of their
--   size). Where they went is kept in `delivery_reach`, one row per actor and inbox: a
--   person's later `Update` and `Delete` go there.
-- * Received activities' ids (the inbox's duplicate check) older than
--   `retention.received_days`; signatures older than any that could still verify; failed
--   logins older than the lock-out window; expired sessions.
--
-- The indexes let each step find its oldest rows without reading the table.
CREATE INDEX outbound_activities_created ON outbound_activities (created_at);
CREATE INDEX received_activities_received ON received_activities (received_at);
CREATE INDEX seen_signatures_seen ON seen_signatures (seen_at);
CREATE INDEX login_failures_failed ON login_failures (failed_at);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);

-- Every inbox that was sent something of an actor (its own activities, and what others,
-- such as a group announcing its threads, sent about its posts) after the activity itself
-- was forgotten.
CREATE TABLE delivery_reach (
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    inbox TEXT NOT NULL,
    domain TEXT NOT NULL,
    last_sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (actor_id, inbox)
);

-- Forgets up to `lim` sent activities created before `cutoff` that have no pending
-- delivery, keeping where they went in `delivery_reach` for their actor and for the local
-- author of their object. Returns how many it forgot. Activities another pass has locked
-- are skipped; one revived meanwhile (a pending delivery) is kept.
CREATE FUNCTION forget_sent(cutoff timestamptz, lim integer) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    ids bigint[];
    forgotten integer;
BEGIN
    SELECT COALESCE(array_agg(o.id), '{}') INTO ids FROM (
        SELECT a.id FROM outbound_activities a
        WHERE a.created_at < cutoff
          AND NOT EXISTS (
              SELECT 1 FROM deliveries d WHERE d.activity_id = a.id AND d.state = 'pending')
        ORDER BY a.created_at
        LIMIT lim
        FOR UPDATE OF a SKIP LOCKED
    ) o;
    IF cardinality(ids) = 0 THEN
        RETURN 0;
    END IF;
    WITH acts AS (
        -- Each activity's sender, and the author of its object when that is someone
        -- else's post.
        SELECT a.id, a.actor_id, p.actor_id AS author
        FROM outbound_activities a
        LEFT JOIN posts p ON p.ap_id = a.object_ap_id AND p.actor_id <> a.actor_id
        WHERE a.id = ANY (ids)
    ), went AS (
        SELECT d.activity_id, d.inbox, d.domain, COALESCE(d.finished_at, d.created_at) AS at
        FROM deliveries d WHERE d.activity_id = ANY (ids)
        UNION ALL
        SELECT b.activity_id, t.inbox, t.domain, b.delivered_at
        FROM delivered_batches b, unnest(b.inboxes, b.domains) AS t(inbox, domain)
        WHERE b.activity_id = ANY (ids)
    ), reached AS (
        SELECT acts.actor_id, went.inbox, went.domain, went.at
        FROM went JOIN acts ON acts.id = went.activity_id
        UNION ALL
        SELECT acts.author, went.inbox, went.domain, went.at
        FROM went JOIN acts ON acts.id = went.activity_id
        WHERE acts.author IS NOT NULL
    )
    INSERT INTO delivery_reach (actor_id, inbox, domain, last_sent_at)
    SELECT reached.actor_id, reached.inbox, min(reached.domain), max(reached.at)
    FROM reached GROUP BY reached.actor_id, reached.inbox
    ON CONFLICT (actor_id, inbox) DO UPDATE
        SET last_sent_at = greatest(delivery_reach.last_sent_at, excluded.last_sent_at);
    DELETE FROM outbound_activities a WHERE a.id = ANY (ids);
    GET DIAGNOSTICS forgotten = ROW_COUNT;
    RETURN forgotten;
END
$$;
