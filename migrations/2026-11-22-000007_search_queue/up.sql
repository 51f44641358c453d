-- Search indexing leaves the writers' transactions: a change now only records which
-- documents to (re)build in `search_pending`, in the same transaction as the change (so none
-- is ever missed), and the indexer of any `serve` process builds them in batches, a moment
-- later (`search_index_pending`). Analysing text cost each stored post about 1.2 ms of
-- PostgreSQL time, twice (the post's row, then its language versions), inside the inbox's
-- transaction; a batch analyses each document once.
--
-- What must disappear does so at once: a deleted post's or organisation's document is
-- removed in the deleting transaction.

CREATE TABLE search_pending (
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'partnership', 'post')),
    source_id BIGINT NOT NULL,
    queued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, source_id)
);

-- Queues documents. An existing row is updated rather than skipped, so that the writer holds
-- its lock until commit: the indexer (which claims with SKIP LOCKED) cannot take the row
-- away while the change that queued it is not yet visible.
-- (PL/pgSQL rather than SQL: its plan is kept for the session; a SQL function's is made
-- again on every call.)
CREATE FUNCTION search_queue(k TEXT, ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) > 0 THEN
        INSERT INTO search_pending (kind, source_id)
        SELECT DISTINCT k, id FROM unnest(ids) id ORDER BY 2
        ON CONFLICT (kind, source_id) DO UPDATE SET queued_at = excluded.queued_at;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION search_posts_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_documents
        WHERE kind = 'post' AND source_id IN (
            SELECT id FROM changed WHERE TG_OP = 'DELETE' OR deleted_at IS NOT NULL);
    END IF;
    -- Queued in every case: an indexer that read the row before this change committed
    -- may have built its document again; its next pass removes it.
    PERFORM search_queue('post', ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;

-- A post's language versions are only ever inserted together with the post's own row, or
-- after updating it (an edit): the post's trigger has queued it already.
DROP TRIGGER search_translations_insert ON post_translations;

CREATE OR REPLACE FUNCTION search_translations_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_queue('post', ARRAY(SELECT post_id FROM changed));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION search_actors_inserted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_queue('organisation', ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION search_actors_updated() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    moved BIGINT[];
BEGIN
    DELETE FROM search_documents
    WHERE kind = 'organisation'
        AND source_id IN (SELECT id FROM changed WHERE deleted_at IS NOT NULL);
    PERFORM search_queue('organisation', ARRAY(SELECT id FROM changed));
    moved := ARRAY(
        SELECT n.id FROM changed n JOIN previous o ON o.id = n.id
        WHERE (n.name, n.domain, n.country, n.region, n.org_kind, n.indexable,
               n.discoverable, n.deleted_at)
            IS DISTINCT FROM
              (o.name, o.domain, o.country, o.region, o.org_kind, o.indexable,
               o.discoverable, o.deleted_at));
    IF cardinality(moved) > 0 THEN
        PERFORM search_queue('post', ARRAY(SELECT id FROM posts WHERE actor_id = ANY (moved)));
        PERFORM search_queue('partnership', ARRAY(
            SELECT id FROM partnerships
            WHERE subject_id = ANY (moved) OR object_id = ANY (moved)));
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION search_actors_deleted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_documents
    WHERE kind = 'organisation' AND source_id IN (SELECT id FROM changed);
    PERFORM search_queue('organisation', ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION search_partnerships_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_documents
        WHERE kind = 'partnership' AND source_id IN (SELECT id FROM changed);
    END IF;
    PERFORM search_queue('partnership', ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;

-- Builds up to `max_documents` queued documents, oldest first, and returns how many were
-- taken. Rows locked by a writer that has not committed yet, or by another indexer, are
-- left for a later call.
CREATE FUNCTION search_index_pending(max_documents INT) RETURNS INT
LANGUAGE plpgsql AS $$
DECLARE
    taken INT;
    post_ids BIGINT[];
    actor_ids BIGINT[];
    partnership_ids BIGINT[];
BEGIN
    WITH claimed AS (
        DELETE FROM search_pending q
        USING (
            SELECT kind, source_id FROM search_pending
            ORDER BY queued_at
            LIMIT max_documents
            FOR UPDATE SKIP LOCKED
        ) c
        WHERE q.kind = c.kind AND q.source_id = c.source_id
        RETURNING q.kind, q.source_id
    )
    SELECT count(*),
        array_agg(source_id ORDER BY source_id) FILTER (WHERE kind = 'post'),
        array_agg(source_id ORDER BY source_id) FILTER (WHERE kind = 'organisation'),
        array_agg(source_id ORDER BY source_id) FILTER (WHERE kind = 'partnership')
    INTO taken, post_ids, actor_ids, partnership_ids
    FROM claimed;
    IF actor_ids IS NOT NULL THEN
        PERFORM search_index_actors(actor_ids);
    END IF;
    IF partnership_ids IS NOT NULL THEN
        PERFORM search_index_partnerships(partnership_ids);
    END IF;
    IF post_ids IS NOT NULL THEN
        PERFORM search_index_posts(post_ids);
    END IF;
    RETURN taken;
END
$$;

CREATE OR REPLACE FUNCTION search_rebuild() RETURNS BIGINT
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE search_documents, search_lexemes, search_lexeme_suffixes, search_pending;
    PERFORM search_index_actors(ARRAY(SELECT id FROM actors));
    PERFORM search_index_partnerships(ARRAY(SELECT id FROM partnerships));
    PERFORM search_index_posts(ARRAY(SELECT id FROM posts));
    RETURN (SELECT count(*) FROM search_documents);
END
$$;
