-- A form sent after its session ended (left open past the session's end, or the session
-- ended in another tab) is kept here instead of being lost, for the same account to send
-- after logging in again (`web::kept`). Only text fields are kept; files chosen are counted,
-- as they must be chosen again. Kept a day (the maintenance pass removes older ones); no
-- page reads it.
CREATE TABLE kept_forms (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    page TEXT NOT NULL,
    multipart BOOLEAN NOT NULL,
    fields JSONB NOT NULL,
    files_left_out INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX kept_forms_created_at ON kept_forms (created_at);
