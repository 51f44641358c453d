DROP TRIGGER actors_local_deleted ON actors;
DROP TRIGGER actors_local_changed ON actors;
DROP FUNCTION notify_local_actor_change();
