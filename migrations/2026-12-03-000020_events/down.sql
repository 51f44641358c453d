DROP TABLE event_participations;
DROP TABLE events;
