-- Funding programmes: a directory kept by each network's editors and shared with the peer
-- networks (type `FundingProgramme`, FEDERATION.md). A programme belongs to the network whose
-- instance actor published it (`network_id`); received ones are stored as sent and are not
-- editable here. Names and descriptions are per language, as a post's language versions.
CREATE TABLE funding_programmes (
    id BIGSERIAL PRIMARY KEY,
    ap_id TEXT NOT NULL UNIQUE,
    -- The instance actor of the network that keeps the programme.
    network_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    local BOOLEAN NOT NULL,
    funder TEXT NOT NULL,
    link TEXT,
    -- Kinds of organisation (vocab::OrgKind codes) that may apply; empty: any.
    applicant_kinds TEXT[] NOT NULL DEFAULT '{}',
    -- Countries (ISO 3166-1 alpha-2) every organisation must be in; empty: any.
    countries TEXT[] NOT NULL DEFAULT '{}',
    -- Countries that must each be represented (a Franco-German fund: DE and FR).
    required_countries TEXT[] NOT NULL DEFAULT '{}',
    -- Organisations taking part, applicant included.
    min_partners INTEGER,
    min_countries INTEGER,
    min_eu_countries INTEGER,
    min_participants INTEGER,
    -- Of those, invited from abroad (CERV: "invited international participants").
    min_invited INTEGER,
    -- Whole euros.
    grant_min BIGINT,
    grant_max BIGINT,
    lump_sums BIGINT[] NOT NULL DEFAULT '{}',
    -- The largest share of the costs the funder pays, in percent.
    cofunding_rate SMALLINT,
    duration_min INTEGER,
    duration_max INTEGER,
    -- `days` or `months`.
    duration_unit TEXT NOT NULL DEFAULT 'months',
    themes TEXT[] NOT NULL DEFAULT '{}',
    published TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT funding_counts_check CHECK (
        coalesce(min_partners, 0) >= 0 AND coalesce(min_countries, 0) >= 0
        AND coalesce(min_eu_countries, 0) >= 0 AND coalesce(min_participants, 0) >= 0
        AND coalesce(min_invited, 0) >= 0),
    CONSTRAINT funding_grant_check CHECK (
        coalesce(grant_min, 0) >= 0 AND (grant_max IS NULL OR grant_max >= coalesce(grant_min, 0))),
    CONSTRAINT funding_rate_check CHECK (cofunding_rate IS NULL OR cofunding_rate BETWEEN 1 AND 100),
    CONSTRAINT funding_duration_check CHECK (
        coalesce(duration_min, 0) >= 0
        AND (duration_max IS NULL OR duration_max >= coalesce(duration_min, 0))),
    CONSTRAINT funding_duration_unit_check CHECK (duration_unit IN ('days', 'months'))
);
CREATE INDEX funding_programmes_network ON funding_programmes (network_id);

CREATE TABLE funding_translations (
    programme_id BIGINT NOT NULL REFERENCES funding_programmes (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- Order of the language versions as given (the first is the programme's main one).
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_id, language)
);

-- Calls for proposals: a dated deadline, or rolling (no deadline: apply any time).
CREATE TABLE funding_calls (
    id BIGSERIAL PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES funding_programmes (id) ON DELETE CASCADE,
    opens_on DATE,
    deadline TIMESTAMPTZ,
    -- What this call is (a round, a year), in the programme's main language.
    label TEXT NOT NULL DEFAULT '',
    CONSTRAINT funding_calls_order_check CHECK (
        opens_on IS NULL OR deadline IS NULL OR deadline >= opens_on)
);
CREATE INDEX funding_calls_programme ON funding_calls (programme_id);
CREATE INDEX funding_calls_deadline ON funding_calls (deadline);
