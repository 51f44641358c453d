-- The full-text index takes new entries directly rather than in a pending list
-- (`fastupdate`). With a pending list, each document was appended cheaply, but once the list
-- passed `gin_pending_list_limit` the inserting indexer merged all of it into the tree in one
-- go, and until then every search scanned the whole list. Measured on the inbox benchmark
-- (5,000 received posts per run, indexed as they arrive): 1,053-1,508 activities/s with the
-- pending list, 1,535-1,601/s without it (same build, alternating runs).
ALTER INDEX search_documents_tsv SET (fastupdate = off);

-- A rebuild fills the table first and builds the index afterwards, in one pass (entry by
-- entry into a GIN index costs far more than building it).
CREATE OR REPLACE FUNCTION search_rebuild() RETURNS BIGINT
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE search_documents, search_lexemes, search_lexeme_suffixes, search_pending;
    DROP INDEX search_documents_tsv;
    PERFORM search_index_actors(ARRAY(SELECT id FROM actors));
    PERFORM search_index_partnerships(ARRAY(SELECT id FROM partnerships));
    PERFORM search_index_posts(ARRAY(SELECT id FROM posts));
    CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)
        WITH (fastupdate = off);
    RETURN (SELECT count(*) FROM search_documents);
END
$$;
