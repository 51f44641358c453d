-- An account's own actor: a `Person` it writes as in the forum, beside its organisations.
-- Off by default: an account has a row here once it turned it on. The actor is an `actors`
-- row (local, actor_type 'Person', its own key pair; its handle in the one namespace of
-- local handles). Turned off, the actor's `deleted_at` is set: its id stays reserved and
-- answers 410 Gone, and only this account may bring it back.
CREATE TABLE account_persons (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL UNIQUE REFERENCES actors (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
