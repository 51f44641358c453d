-- Relays our instance actor subscribes to (LitePub or Mastodon-style relay software), apart
-- from peer networks, which stay follows of their instance actors.
CREATE TABLE relays (
    id BIGSERIAL PRIMARY KEY,
    -- Where our Follow, Undo and public posts go.
    inbox_url TEXT NOT NULL UNIQUE,
    domain TEXT NOT NULL,
    -- The relay's actor: known from the start when the operator named it, else from the
    -- signer of its answer.
    actor_id BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    -- mastodon: Follow of as:Public; litepub: Follow of the relay's actor.
    style TEXT NOT NULL,
    -- pending (Follow sent), accepted, rejected.
    state TEXT NOT NULL DEFAULT 'pending',
    follow_activity_id TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT relays_style_check CHECK (style IN ('mastodon', 'litepub')),
    CONSTRAINT relays_state_check CHECK (state IN ('pending', 'accepted', 'rejected'))
);
CREATE INDEX relays_actor ON relays (actor_id);
