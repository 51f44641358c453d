DROP FUNCTION forget_sent(timestamptz, integer);
DROP TABLE delivery_reach;
DROP INDEX web_sessions_expires;
DROP INDEX login_failures_failed;
DROP INDEX seen_signatures_seen;
DROP INDEX received_activities_received;
DROP INDEX outbound_activities_created;
