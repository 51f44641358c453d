DROP TABLE suspended_actors;
DROP TABLE media;
DROP TABLE login_failures;
DROP TABLE web_sessions;
