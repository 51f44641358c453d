-- Back to indexing inside the writers' transactions (the functions of 000004).
DROP FUNCTION IF EXISTS search_index_pending(INT);
CREATE TRIGGER search_translations_insert AFTER INSERT ON post_translations
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION search_translations_changed();
CREATE OR REPLACE FUNCTION search_posts_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_posts(ARRAY(SELECT DISTINCT id FROM changed));
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION search_translations_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_posts(ARRAY(SELECT DISTINCT post_id FROM changed));
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION search_actors_inserted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_actors(ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION search_actors_updated() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    moved BIGINT[];
BEGIN
    PERFORM search_index_actors(ARRAY(SELECT id FROM changed));
    moved := ARRAY(
        SELECT n.id FROM changed n JOIN previous o ON o.id = n.id
        WHERE (n.name, n.domain, n.country, n.region, n.org_kind, n.indexable,
               n.discoverable, n.deleted_at)
            IS DISTINCT FROM
              (o.name, o.domain, o.country, o.region, o.org_kind, o.indexable,
               o.discoverable, o.deleted_at));
    IF cardinality(moved) > 0 THEN
        PERFORM search_index_posts(ARRAY(SELECT id FROM posts WHERE actor_id = ANY (moved)));
        PERFORM search_index_partnerships(ARRAY(
            SELECT id FROM partnerships
            WHERE subject_id = ANY (moved) OR object_id = ANY (moved)));
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION search_partnerships_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_partnerships(ARRAY(SELECT DISTINCT id FROM changed));
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION search_rebuild() RETURNS BIGINT
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE search_documents, search_lexemes, search_lexeme_suffixes;
    PERFORM search_index_actors(ARRAY(SELECT id FROM actors));
    PERFORM search_index_partnerships(ARRAY(SELECT id FROM partnerships));
    PERFORM search_index_posts(ARRAY(SELECT id FROM posts));
    RETURN (SELECT count(*) FROM search_documents);
END
$$;
DROP FUNCTION IF EXISTS search_queue(TEXT, BIGINT[]);
DROP TABLE IF EXISTS search_pending;
