-- The foundation: actors (local organisations, the instance actor, remote actors),
-- accounts with roles and API tokens, project posts with language versions, follows.

CREATE TABLE actors (
    id BIGSERIAL PRIMARY KEY,
    ap_id TEXT NOT NULL UNIQUE,
    local BOOLEAN NOT NULL,
    -- ActivityStreams type: Organization, Application, Person, Service, Group.
    actor_type TEXT NOT NULL,
    handle TEXT NOT NULL,
    domain TEXT NOT NULL,
    name TEXT NOT NULL,
    -- Plain-text summary per language, main language first: {"de": "...", "fr": "..."}.
    summary_map JSONB NOT NULL DEFAULT '{}'::jsonb,
    -- Remote actors' summary as sent (sanitised HTML).
    summary_html TEXT,
    inbox_url TEXT NOT NULL,
    shared_inbox_url TEXT,
    outbox_url TEXT,
    followers_url TEXT,
    profile_url TEXT,
    icon_url TEXT,
    image_url TEXT,
    public_key_pem TEXT NOT NULL,
    private_key_pem TEXT,
    manually_approves_followers BOOLEAN NOT NULL DEFAULT FALSE,
    discoverable BOOLEAN NOT NULL DEFAULT TRUE,
    indexable BOOLEAN NOT NULL DEFAULT TRUE,
    -- Structured profile of an organisation.
    org_kind TEXT,
    country TEXT,
    region TEXT,
    official_code TEXT,
    population BIGINT,
    website TEXT,
    languages TEXT[] NOT NULL DEFAULT '{}',
    themes TEXT[] NOT NULL DEFAULT '{}',
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    published TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_refreshed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT actors_org_kind_check CHECK (org_kind IS NULL OR org_kind IN
        ('municipality', 'district', 'region', 'association', 'network', 'school', 'other')),
    CONSTRAINT actors_coordinates_check CHECK (
        (latitude IS NULL OR latitude BETWEEN -90 AND 90) AND
        (longitude IS NULL OR longitude BETWEEN -180 AND 180))
);
-- A local handle is unique regardless of case, as WebFinger lookups are case-insensitive.
CREATE UNIQUE INDEX actors_local_handle ON actors (lower(handle)) WHERE local;
CREATE INDEX actors_domain ON actors (domain);

CREATE TABLE accounts (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    is_moderator BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username ON accounts (lower(username));

-- An account edits for several organisations; an organisation has several editors.
CREATE TABLE editors (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, actor_id)
);
CREATE INDEX editors_actor ON editors (actor_id);

CREATE TABLE api_tokens (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- SHA-256 of the token; the token itself is shown once and never stored.
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

CREATE TABLE posts (
    id BIGSERIAL PRIMARY KEY,
    ap_id TEXT NOT NULL UNIQUE,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    local BOOLEAN NOT NULL,
    object_type TEXT NOT NULL DEFAULT 'Article',
    main_language TEXT NOT NULL,
    themes TEXT[] NOT NULL DEFAULT '{}',
    sdgs SMALLINT[] NOT NULL DEFAULT '{}',
    -- Partner organisations involved, by actor id (local or remote).
    partners TEXT[] NOT NULL DEFAULT '{}',
    place TEXT,
    starts_on DATE,
    ends_on DATE,
    html_url TEXT,
    in_reply_to TEXT,
    published TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated TIMESTAMPTZ,
    pinned_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    CONSTRAINT posts_dates_check CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
    CONSTRAINT posts_sdgs_check CHECK (sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::SMALLINT[])
);
CREATE INDEX posts_actor_published ON posts (actor_id, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_pinned ON posts (actor_id, pinned_at) WHERE pinned_at IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE post_translations (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body_markdown TEXT,
    content_html TEXT NOT NULL,
    PRIMARY KEY (post_id, language)
);

CREATE TABLE post_images (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    alt_text TEXT NOT NULL,
    media_type TEXT,
    PRIMARY KEY (post_id, position),
    CONSTRAINT post_images_alt_check CHECK (length(trim(alt_text)) > 0)
);

CREATE TABLE follows (
    id BIGSERIAL PRIMARY KEY,
    follower_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    followed_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    -- pending until the followed side accepts.
    accepted BOOLEAN NOT NULL DEFAULT FALSE,
    follow_activity_id TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (follower_id, followed_id)
);
CREATE INDEX follows_followed ON follows (followed_id, id DESC);
