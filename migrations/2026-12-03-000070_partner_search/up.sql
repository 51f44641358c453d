-- Partner search: an organisation of ours says it is looking for partners, for what, where,
-- on which themes, in which languages, of which size and kind. One row per organisation;
-- no row, or `active = false`, means it is not looking. `listed`: shown on the "looking for
-- partners" pages, here and at the peer networks (as `indexable` is for search);
-- `suggested`: offered as a candidate in others' suggestions (as `discoverable`).
CREATE TABLE partner_searches (
    actor_id BIGINT PRIMARY KEY REFERENCES actors (id) ON DELETE CASCADE,
    active BOOLEAN NOT NULL DEFAULT true,
    -- twinning, project, school-exchange, learning (partners::Purpose codes).
    purposes TEXT[] NOT NULL DEFAULT '{}',
    -- ISO 3166-1 alpha-2 codes; empty: anywhere.
    countries TEXT[] NOT NULL DEFAULT '{}',
    -- Region names as profiles give them (compared without case).
    regions TEXT[] NOT NULL DEFAULT '{}',
    themes TEXT[] NOT NULL DEFAULT '{}',
    languages TEXT[] NOT NULL DEFAULT '{}',
    population_min BIGINT,
    population_max BIGINT,
    -- vocab::OrgKind codes; empty: any kind.
    partner_kinds TEXT[] NOT NULL DEFAULT '{}',
    description TEXT NOT NULL DEFAULT '',
    listed BOOLEAN NOT NULL DEFAULT true,
    suggested BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT partner_searches_size_check CHECK (
        coalesce(population_min, 0) >= 0
        AND (population_max IS NULL OR population_max >= coalesce(population_min, 0)))
);
CREATE INDEX partner_searches_looking ON partner_searches (updated_at DESC) WHERE active AND listed;
