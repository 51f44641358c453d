-- Partner suggestions compare every local organisation's profile; each `serve` process
-- keeps them in memory (AppState::candidates) and drops them when told on the channel
-- `passerelle_changes` (src/notify.rs). A local actor's update or deletion already says
-- `actor:<id>` (migration 000030); these triggers say `candidates` when a local actor is
-- added, when what an organisation looks for changes, and when an actor is suspended or
-- reinstated. Once per statement: PostgreSQL folds equal notifications of a transaction.
CREATE FUNCTION notify_candidates_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('passerelle_changes', 'candidates');
    RETURN NULL;
END
$$;

CREATE TRIGGER actors_local_added
    AFTER INSERT ON actors
    FOR EACH ROW
    WHEN (NEW.local)
    EXECUTE FUNCTION notify_candidates_change();

CREATE TRIGGER partner_searches_changed
    AFTER INSERT OR UPDATE OR DELETE ON partner_searches
    FOR EACH STATEMENT
    EXECUTE FUNCTION notify_candidates_change();

CREATE TRIGGER suspended_actors_changed
    AFTER INSERT OR UPDATE OR DELETE ON suspended_actors
    FOR EACH STATEMENT
    EXECUTE FUNCTION notify_candidates_change();
