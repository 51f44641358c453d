-- Two statements of the inbox that PostgreSQL planned again for every received activity.
--
-- 1. Recording an arrival (the signature's hash and the activity's id) was one statement
--    with data-modifying CTEs sent as plain SQL text: parsed and planned on every call
--    (about 0.05 ms of planning each). As a PL/pgSQL function called with bound values,
--    the client keeps one prepared statement and PL/pgSQL keeps the plans of the two
--    INSERTs for the session.
CREATE FUNCTION record_arrival(sig_hash TEXT, activity TEXT, activity_kind TEXT, activity_actor TEXT)
RETURNS TEXT
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO seen_signatures (hash) VALUES (sig_hash) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 'replay';
    END IF;
    INSERT INTO received_activities (ap_id, kind, actor)
    VALUES (activity, activity_kind, activity_actor)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 'repeat';
    END IF;
    RETURN 'new';
END
$$;

-- 2. A new post was queued for the search indexer by a statement-level trigger: a
--    transition table, a query over it and a nested function call for what is, in the
--    inbox, always one row. A row-level trigger queues it with one INSERT. (Updates and
--    deletes keep their statement-level triggers: they also remove documents.) New ids
--    never collide between transactions, so per-row order cannot deadlock.
CREATE FUNCTION search_post_inserted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_pending (kind, source_id) VALUES ('post', NEW.id)
    ON CONFLICT (kind, source_id) DO UPDATE SET queued_at = excluded.queued_at;
    RETURN NULL;
END
$$;
DROP TRIGGER search_posts_insert ON posts;
CREATE TRIGGER search_posts_insert AFTER INSERT ON posts
    FOR EACH ROW EXECUTE FUNCTION search_post_inserted();
