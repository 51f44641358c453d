-- The group (FEP-1b12: a Lemmy community, an Mbin magazine) a post belongs to, by actor id:
-- the post's `audience`, the group that announced it to us, or a group actor in its `to`/`cc`.
-- A reply to such a post is addressed to the group too, so that the group accepts and
-- redistributes it.
ALTER TABLE posts ADD COLUMN audience TEXT;

-- Replies are looked up and counted by the post they answer (a post's page, its `replies`
-- collection, the reply counts in the API).
CREATE INDEX posts_in_reply_to ON posts (in_reply_to)
    WHERE in_reply_to IS NOT NULL AND deleted_at IS NULL;
