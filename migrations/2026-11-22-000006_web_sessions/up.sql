-- The editors' and operators' web interface: browser sessions, login attempts (for the
-- login rate limit), uploaded media, and suspended actors.

-- A browser session: the cookie holds a random token, stored here only as SHA-256.
CREATE TABLE web_sessions (
    id BIGSERIAL PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The per-session token every state-changing form carries.
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_sessions_account ON web_sessions (account_id);

-- Failed logins, per (lower-cased) username and client address.
CREATE TABLE login_failures (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL,
    ip TEXT NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key ON login_failures (username, ip, failed_at);

-- Images uploaded by editors, re-encoded and stored under [media] dir.
CREATE TABLE media (
    id BIGSERIAL PRIMARY KEY,
    -- The file name: <uuid>.<ext>; the thumbnail is <uuid>.thumb.<ext>.
    file_name TEXT NOT NULL UNIQUE,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    media_type TEXT NOT NULL,
    width INT NOT NULL,
    height INT NOT NULL,
    bytes BIGINT NOT NULL,
    alt_text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Actors a moderator suspended: their activities are refused and their posts hidden.
CREATE TABLE suspended_actors (
    actor_id BIGINT PRIMARY KEY REFERENCES actors (id) ON DELETE CASCADE,
    reason TEXT,
    suspended_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
