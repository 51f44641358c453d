-- A form for something new (a post, an event) sent twice, by a double click or by the
-- browser sending it again, must not publish twice to every follower. Each such form carries
-- a one-time key; the transaction that publishes records it here, and a second sending finds
-- it and leads to where the first one did. Kept a day (the maintenance pass removes older
-- ones); no page reads it.
CREATE TABLE form_submissions (
    key TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    location TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
