-- Events: a post whose object type is `Event` has one row here with what makes it an event
-- (instants with their IANA time zone, place and online address, how to join, capacity,
-- status). Its language versions, images, themes, comments and search document are the
-- post's. Received events (other passerelle instances, Mobilizon, Gancio) are stored the
-- same way.
CREATE TABLE events (
    post_id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    -- IANA name (Europe/Berlin); UTC when a remote event gives none.
    timezone TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    join_mode TEXT NOT NULL,
    -- Where to register when join_mode is `external`.
    external_url TEXT,
    capacity INTEGER,
    registration_deadline TIMESTAMPTZ,
    -- Languages spoken at the event (codes), besides the languages of its text.
    languages TEXT[] NOT NULL DEFAULT '{}',
    place_name TEXT,
    street_address TEXT,
    postal_code TEXT,
    locality TEXT,
    region TEXT,
    country TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    online_url TEXT,
    -- Co-organisers besides the author, by actor id (local or remote).
    organisers TEXT[] NOT NULL DEFAULT '{}',
    -- The partnership it belongs to (by its id URL), and project posts it belongs to.
    partnership TEXT,
    related_posts TEXT[] NOT NULL DEFAULT '{}',
    -- Rises with every change (iCalendar SEQUENCE).
    sequence INTEGER NOT NULL DEFAULT 0,
    -- What the organiser's server says of a received event (ours are counted).
    remote_participant_count INTEGER,
    CONSTRAINT events_order_check CHECK (ends_at >= starts_at),
    CONSTRAINT events_capacity_check CHECK (capacity IS NULL OR capacity >= 0),
    CONSTRAINT events_deadline_check CHECK (registration_deadline IS NULL OR registration_deadline <= starts_at),
    CONSTRAINT events_latitude_check CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    CONSTRAINT events_longitude_check CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)
);
-- Upcoming and running events: everything that has not ended yet, by start.
CREATE INDEX events_ends_at ON events (ends_at, starts_at);

-- Who takes part in an event: remote accounts in our events, and our organisations in
-- events anywhere. One row per (event, participant); the Join's id is what Accept and
-- Reject point at.
CREATE TABLE event_participations (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    -- pending (awaits the organiser), accepted, waiting (refused for capacity, moves up when
    -- a place frees), rejected.
    state TEXT NOT NULL,
    join_ap_id TEXT NOT NULL,
    message TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (event_id, actor_id),
    CONSTRAINT event_participations_state_check CHECK (state IN ('pending', 'accepted', 'waiting', 'rejected'))
);
CREATE INDEX event_participations_join ON event_participations (join_ap_id);
CREATE INDEX event_participations_actor ON event_participations (actor_id);
