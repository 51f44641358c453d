DROP TRIGGER IF EXISTS suspended_actors_changed ON suspended_actors;
DROP TRIGGER IF EXISTS partner_searches_changed ON partner_searches;
DROP TRIGGER IF EXISTS actors_local_added ON actors;
DROP FUNCTION IF EXISTS notify_candidates_change();
