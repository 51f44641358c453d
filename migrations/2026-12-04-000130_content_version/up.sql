-- Announcing a change with NOTIFY from inside the writing transaction (migration 000120)
-- serialises commits: PostgreSQL takes one database-wide lock to queue notifications at
-- commit and holds it until the commit is flushed, so every writing transaction that
-- touched a page's table waited for every other's disk flush. Measured with pgbench, 32
-- clients inserting one row each: about 9,000 commits/s without a trigger or with the one
-- below, about 500-650/s with the NOTIFY trigger, on the same machine.
--
-- The row triggers of migration 000120 now advance a sequence instead, which is neither
-- transactional nor locked beyond the moment of the call. Each `serve` process reads it
-- every few milliseconds (`content_state`, src/notify.rs): when it moved, the process drops
-- its kept pages; since the writer may not have committed yet, the process notes the
-- transactions running at that moment and drops its pages once more when all of them have
-- ended, so no page built before the change became visible outlives it.
CREATE SEQUENCE content_version;

ALTER FUNCTION notify_content_change() RENAME TO note_content_change;

CREATE OR REPLACE FUNCTION note_content_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('content_version');
    RETURN NULL;
END
$$;

-- The sequence's value as last advanced (0 before any change) and the oldest transaction
-- still running (`oldest`, the first transaction id not known to have ended). When the
-- value differs from what the caller saw last, `bound` is a transaction id taken after
-- reading it: every transaction that had advanced the sequence by then wrote a row first,
-- so it holds a lower id, and once `oldest` of a later call reaches `bound` all of them
-- have ended, committed or not. Taking an id only on a change keeps an idle server from
-- consuming them.
CREATE FUNCTION content_state(seen BIGINT, OUT version BIGINT, OUT oldest BIGINT,
    OUT bound BIGINT)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO version FROM content_version;
    IF version IS DISTINCT FROM seen THEN
        bound := pg_current_xact_id()::text::bigint;
    END IF;
    oldest := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
END
$$;
