-- A project post may name the funding programme that funded it: the programme's id (its
-- URL), ours or a peer network's, kept as text like a post's partners so that a post
-- received before its programme still says it.
ALTER TABLE posts ADD COLUMN funded_by TEXT;
CREATE INDEX posts_funded_by ON posts (funded_by) WHERE funded_by IS NOT NULL;
