-- Partnerships between organisations: an ActivityStreams Relationship that one side offers
-- and the other accepts. Both instances hold the same row (same ap_id).
CREATE TABLE partnerships (
    id BIGSERIAL PRIMARY KEY,
    ap_id TEXT NOT NULL UNIQUE,
    -- The side that proposed it, and the side addressed.
    subject_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    object_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    founded_year INTEGER,
    -- proposed, active, dormant, ended, declined
    status TEXT NOT NULL DEFAULT 'proposed',
    ended_on DATE,
    -- Both sides said yes (an accepted proposal); imported or never accepted ones are not.
    confirmed BOOLEAN NOT NULL DEFAULT FALSE,
    -- Imported from a list rather than proposed here.
    imported BOOLEAN NOT NULL DEFAULT FALSE,
    languages TEXT[] NOT NULL DEFAULT '{}',
    themes TEXT[] NOT NULL DEFAULT '{}',
    -- Short description per language: {"de": "...", "fr": "..."}.
    description JSONB NOT NULL DEFAULT '{}'::jsonb,
    offer_activity_id TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT partnerships_not_self CHECK (subject_id <> object_id),
    CONSTRAINT partnerships_kind_check CHECK (kind IN ('twinning', 'friendship', 'contact', 'project', 'regional', 'school')),
    CONSTRAINT partnerships_status_check CHECK (status IN ('proposed', 'active', 'dormant', 'ended', 'declined')),
    CONSTRAINT partnerships_year_check CHECK (founded_year IS NULL OR founded_year BETWEEN 1800 AND 2200),
    CONSTRAINT partnerships_end_check CHECK (ended_on IS NULL OR founded_year IS NULL OR extract(year FROM ended_on) >= founded_year)
);
-- One live partnership of a kind per pair of organisations, whichever side proposed it.
CREATE UNIQUE INDEX partnerships_live_pair ON partnerships
    (LEAST(subject_id, object_id), GREATEST(subject_id, object_id), kind)
    WHERE status IN ('proposed', 'active', 'dormant');
CREATE INDEX partnerships_subject ON partnerships (subject_id);
CREATE INDEX partnerships_object ON partnerships (object_id);
