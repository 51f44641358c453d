-- The inbox's most common case in one statement: a new post in one language, without
-- images, from an actor someone here follows (`inbox::receive` checks all of that, and the
-- signature, before calling). It records the arrival (the signature's hash and the
-- activity's id) and stores the post with its language version, atomically, as the general
-- path does in its transaction of six round trips (BEGIN, arrival, post, language version,
-- COMMIT); this is one. Answers:
--   'replay'  the very same signed request was received before (nothing written);
--   'repeat'  a new signature, but the activity was received before (nothing written);
--   'exists'  a post with this id is stored (nothing written: the caller takes the general
--             path, which updates it if the sender is its author);
--   'stored'  recorded and stored.
-- A post stored by a concurrent request between the check and the INSERT raises
-- unique_violation, which undoes the arrival too; the caller then takes the general path.
CREATE FUNCTION receive_new_post(
    sig_hash TEXT, activity TEXT, activity_kind TEXT, activity_actor TEXT,
    p_ap_id TEXT, p_actor_id BIGINT, p_object_type TEXT, p_main_language TEXT,
    p_themes TEXT[], p_sdgs SMALLINT[], p_partners TEXT[], p_place TEXT, p_starts_on DATE,
    p_ends_on DATE, p_html_url TEXT, p_in_reply_to TEXT, p_published TIMESTAMPTZ,
    t_language TEXT, t_title TEXT, t_summary TEXT, t_body_markdown TEXT, t_content_html TEXT)
RETURNS TEXT
LANGUAGE plpgsql AS $$
DECLARE
    pid BIGINT;
    arrival TEXT;
BEGIN
    IF EXISTS (SELECT 1 FROM posts WHERE ap_id = p_ap_id) THEN
        RETURN 'exists';
    END IF;
    arrival := record_arrival(sig_hash, activity, activity_kind, activity_actor);
    IF arrival <> 'new' THEN
        RETURN arrival;
    END IF;
    INSERT INTO posts (ap_id, actor_id, local, object_type, main_language, themes, sdgs,
        partners, place, starts_on, ends_on, html_url, in_reply_to, published)
    VALUES (p_ap_id, p_actor_id, false, p_object_type, p_main_language, p_themes, p_sdgs,
        p_partners, p_place, p_starts_on, p_ends_on, p_html_url, p_in_reply_to, p_published)
    RETURNING id INTO pid;
    INSERT INTO post_translations (post_id, language, title, summary, body_markdown,
        content_html)
    VALUES (pid, t_language, t_title, t_summary, t_body_markdown, t_content_html);
    RETURN 'stored';
END
$$;
