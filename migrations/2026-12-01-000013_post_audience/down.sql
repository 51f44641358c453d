DROP INDEX posts_in_reply_to;
ALTER TABLE posts DROP COLUMN audience;
