DROP TRIGGER search_posts_insert ON posts;
CREATE TRIGGER search_posts_insert AFTER INSERT ON posts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_posts_changed();
DROP FUNCTION search_post_inserted();
DROP FUNCTION record_arrival(TEXT, TEXT, TEXT, TEXT);
