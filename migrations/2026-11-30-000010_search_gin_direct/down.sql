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
ALTER INDEX search_documents_tsv RESET (fastupdate);
