DROP FUNCTION content_state(BIGINT);
CREATE OR REPLACE FUNCTION note_content_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('passerelle_changes', 'content');
    RETURN NULL;
END
$$;
ALTER FUNCTION note_content_change() RENAME TO notify_content_change;
DROP SEQUENCE content_version;
