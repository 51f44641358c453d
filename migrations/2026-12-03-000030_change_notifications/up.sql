-- Every `serve` process keeps the rendered documents of local actors in memory
-- (src/cache.rs). A change to a local actor's row, whoever makes it (any process, the
-- command line, plain SQL), is announced on the channel `passerelle_changes` as
-- `actor:<id>`; PostgreSQL delivers it to every listening process when the transaction
-- commits (src/notify.rs), and each drops what it rendered from that row. Remote actors'
-- rows change often (refreshed keys and profiles) and are never served from the cache, so
-- they announce nothing.
CREATE FUNCTION notify_local_actor_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('passerelle_changes', 'actor:' || OLD.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER actors_local_changed
    AFTER UPDATE ON actors
    FOR EACH ROW
    WHEN (OLD.local AND OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION notify_local_actor_change();

CREATE TRIGGER actors_local_deleted
    AFTER DELETE ON actors
    FOR EACH ROW
    WHEN (OLD.local)
    EXECUTE FUNCTION notify_local_actor_change();
