-- Discussion groups (FEP-1b12). A group is an `actors` row of type 'Group' (its handle,
-- keys, summary per language, followers) plus the settings below. Threads are posts of type
-- 'Page' and comments posts of type 'Note' whose `audience` is the group.
CREATE TABLE groups (
    actor_id BIGINT PRIMARY KEY REFERENCES actors (id) ON DELETE CASCADE,
    -- language code → name; actors.name holds the name in the instance's main language
    name_map JSONB NOT NULL DEFAULT '{}',
    -- language code → the group's rules, plain text
    rules_map JSONB NOT NULL DEFAULT '{}',
    posting_restricted_to_mods BOOLEAN NOT NULL DEFAULT false,
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A group's moderators: accounts of this instance, or actors (remote ones included).
CREATE TABLE group_moderators (
    id BIGSERIAL PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    actor_id BIGINT REFERENCES actors (id) ON DELETE CASCADE,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((account_id IS NULL) <> (actor_id IS NULL))
);
CREATE UNIQUE INDEX group_moderators_account ON group_moderators (group_id, account_id)
    WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX group_moderators_actor ON group_moderators (group_id, actor_id)
    WHERE actor_id IS NOT NULL;

-- Actors banned from a group: what they send to it is refused.
CREATE TABLE group_bans (
    group_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    reason TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, actor_id)
);

-- Every moderation action, with who and when: a local account, or an actor (a remote
-- moderator, or a remote group whose own instance moderated one of its threads).
CREATE TABLE moderation_log (
    id BIGSERIAL PRIMARY KEY,
    group_ap_id TEXT NOT NULL,
    action TEXT NOT NULL,
    object_ap_id TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    actor_id BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    reason TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX moderation_log_group ON moderation_log (group_ap_id, created_at DESC);

-- A locked thread takes no new comments.
ALTER TABLE posts ADD COLUMN locked_at TIMESTAMPTZ;
-- The thread (its first post's id) a reply belongs to, and a thread's latest comment: kept
-- by the triggers below whatever path stored the reply.
ALTER TABLE posts ADD COLUMN thread_root TEXT;
ALTER TABLE posts ADD COLUMN last_activity_at TIMESTAMPTZ;

WITH RECURSIVE chain (id, root) AS (
    SELECT p.id, p.ap_id FROM posts p WHERE p.in_reply_to IS NULL
    UNION ALL
    SELECT c.id, chain.root FROM posts c
        JOIN posts parent ON parent.ap_id = c.in_reply_to
        JOIN chain ON chain.id = parent.id
)
UPDATE posts SET thread_root = chain.root
FROM chain WHERE chain.id = posts.id AND posts.in_reply_to IS NOT NULL;

CREATE FUNCTION posts_thread_root() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.in_reply_to IS NOT NULL AND NEW.thread_root IS NULL THEN
        SELECT COALESCE(p.thread_root, p.ap_id) INTO NEW.thread_root
        FROM posts p WHERE p.ap_id = NEW.in_reply_to;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER posts_thread_root BEFORE INSERT ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_thread_root();

CREATE FUNCTION posts_thread_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.thread_root IS NOT NULL THEN
        UPDATE posts SET last_activity_at = GREATEST(COALESCE(last_activity_at, published), NEW.published)
        WHERE ap_id = NEW.thread_root;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER posts_thread_activity AFTER INSERT ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_thread_activity();

CREATE INDEX posts_group_threads ON posts (audience, (COALESCE(last_activity_at, published)) DESC)
    WHERE audience IS NOT NULL AND in_reply_to IS NULL;
CREATE INDEX posts_thread_root ON posts (thread_root) WHERE thread_root IS NOT NULL;
