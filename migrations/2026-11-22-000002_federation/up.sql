-- Federation: activities received (for idempotency), activities sent with their pending
-- deliveries (a persistent queue), instances' health, likes, boosts, reports, blocks.

-- Each received activity once: the same activity delivered twice changes nothing.
-- Keyed by id and type, as some servers reuse one id for a Create and its Update.
CREATE TABLE received_activities (
    ap_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ap_id, kind)
);

-- Signatures seen in the last hours: the very same signed request twice is a replay.
CREATE TABLE seen_signatures (
    hash TEXT PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE outbound_activities (
    id BIGSERIAL PRIMARY KEY,
    ap_id TEXT NOT NULL UNIQUE,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- The object the activity is about (a post, an actor), for delivery reports.
    object_ap_id TEXT,
    -- The exact JSON sent (TEXT, not JSONB: JSONB would reorder the language maps).
    payload TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outbound_activities_object ON outbound_activities (object_ap_id);

CREATE TABLE deliveries (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES outbound_activities (id) ON DELETE CASCADE,
    inbox TEXT NOT NULL,
    domain TEXT NOT NULL,
    -- pending, delivered, rejected (4xx), gone (410), failed (gave up)
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- A worker's claim; an expired lease (a crashed worker) makes the delivery due again.
    locked_until TIMESTAMPTZ,
    last_status INTEGER,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ,
    UNIQUE (activity_id, inbox),
    CONSTRAINT deliveries_state_check CHECK (state IN ('pending', 'delivered', 'rejected', 'gone', 'failed'))
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_domain ON deliveries (domain) WHERE state = 'pending';

-- Health of remote instances, by host[:port].
CREATE TABLE instances (
    domain TEXT PRIMARY KEY,
    failing_since TIMESTAMPTZ,
    unreachable BOOLEAN NOT NULL DEFAULT FALSE,
    last_success_at TIMESTAMPTZ,
    last_failure_at TIMESTAMPTZ
);

-- Inboxes that answered 410 Gone: nothing more is sent there.
CREATE TABLE gone_inboxes (
    inbox TEXT PRIMARY KEY,
    since TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Blocked instances: from the configuration (source 'config', resynced at start) or
-- added by operators (source 'admin').
CREATE TABLE domain_blocks (
    domain TEXT PRIMARY KEY,
    reason TEXT,
    source TEXT NOT NULL DEFAULT 'admin',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Allow-list mode: when this table has rows, only these instances federate.
CREATE TABLE domain_allows (
    domain TEXT PRIMARY KEY
);

-- Likes and boosts of posts (local or remote), by any actor.
CREATE TABLE reactions (
    id BIGSERIAL PRIMARY KEY,
    activity_ap_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('Like', 'Announce')),
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kind, actor_id, post_id)
);
CREATE INDEX reactions_post ON reactions (post_id);

-- Reports (Flag) for the instance's moderators.
CREATE TABLE reports (
    id BIGSERIAL PRIMARY KEY,
    activity_ap_id TEXT NOT NULL UNIQUE,
    reporter TEXT NOT NULL,
    objects TEXT[] NOT NULL DEFAULT '{}',
    content TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at TIMESTAMPTZ
);

-- A remote actor that moved (Move), acknowledged.
ALTER TABLE actors ADD COLUMN moved_to TEXT;
ALTER TABLE actors ADD COLUMN deleted_at TIMESTAMPTZ;
