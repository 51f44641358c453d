DROP TABLE submission_events;
DROP TABLE submissions;
DROP TABLE reviewers;
DROP TABLE showcases;
