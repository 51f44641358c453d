-- Reports (`Flag`) about a thread or comment of a group, for the group's moderators: sent by
-- a local account from the thread page or the API, or received from another server. A
-- report we sent to a group elsewhere is kept too (its group is then a remote actor).
CREATE TABLE group_reports (
    id BIGSERIAL PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    object_ap_id TEXT NOT NULL,
    -- the received Flag's id, or the id of the Flag we sent
    activity_ap_id TEXT UNIQUE,
    -- who reported: a local account (and the organisation it wrote as), or a remote actor
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    actor_id BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at TIMESTAMPTZ,
    resolved_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX group_reports_group ON group_reports (group_id, id DESC);
