-- Editorial review: a network's showcase and the submissions to it.
--
-- A showcase is one of our groups (a `Group` actor, moderated, where only moderators post)
-- whose announced posts are the network's showcase. Organisations, here or on another
-- instance, submit their posts to it; the network's reviewers approve, ask for changes or
-- decline. Both sides keep a submission row and its history: the showcase's instance for its
-- queue, the submitter's instance to show the state to the organisation's editors.
CREATE TABLE showcases (
    group_id BIGINT PRIMARY KEY REFERENCES actors (id) ON DELETE CASCADE,
    -- A post edited after approval goes back to the queue.
    review_edits BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Accounts of the network's editorial team: they review submissions to our showcases.
CREATE TABLE reviewers (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE submissions (
    id BIGSERIAL PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    -- The showcase group (ours, or another instance's).
    group_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    -- The organisation that submitted (the post's author).
    submitter_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    -- The latest Offer: the answers name it.
    offer_ap_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'changes_requested', 'approved', 'declined')),
    -- The latest reviewer's comment (changes asked for) or reason (declined).
    comment TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (post_id, group_id)
);
CREATE UNIQUE INDEX submissions_offer ON submissions (offer_ap_id);
CREATE INDEX submissions_queue ON submissions (group_id, state, updated_at);
CREATE INDEX submissions_submitter ON submissions (submitter_id, updated_at DESC);

-- Every step of a submission, with who and when: a local account (a reviewer, an editor)
-- or an actor (the remote showcase that answered, the remote organisation that submitted).
CREATE TABLE submission_events (
    id BIGSERIAL PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    -- submitted, resubmitted, approved, changes_requested, declined, edited
    action TEXT NOT NULL,
    comment TEXT,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    actor_id BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    activity_ap_id TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX submission_events_of ON submission_events (submission_id, id);
