DROP FUNCTION notify_content_change() CASCADE;
