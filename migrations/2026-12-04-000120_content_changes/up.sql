-- Each `serve` process keeps the public pages and documents it rendered for visitors
-- without a session (src/cache.rs, `PageCache`) until something they are built from
-- changes. Every table a public page or document reads announces `content` on the channel
-- `passerelle_changes` (src/notify.rs) when a row is added, removed or really changed,
-- whoever changes it; each process then drops every page it keeps. Per row, not per
-- statement: a statement that changes nothing (the indexer's and the workers' polling)
-- must not empty the caches; PostgreSQL folds the equal notifications of one transaction
-- into one.
--
-- Left out, because no kept page reads them and they change with every delivery, fetch,
-- login or indexing step: the delivery queue and its bookkeeping (deliveries,
-- outbound_activities, instances, gone_inboxes), replay protection (seen_signatures,
-- received_activities), sessions, tokens and login failures, and the search index with its
-- queue, word lists and languages (search_documents, search_pending, search_lexemes,
-- search_lexeme_suffixes, search_languages), since search answers are never kept. A table
-- added later either gets the trigger or is named in `PAGE_CACHE_EXEMPT` (src/cache.rs);
-- a test checks it.
CREATE FUNCTION notify_content_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('passerelle_changes', 'content');
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'actors', 'accounts', 'editors', 'posts', 'post_translations', 'post_images',
        'follows', 'relays', 'domain_blocks', 'domain_allows', 'reactions', 'reports',
        'partnerships', 'media', 'suspended_actors',
        'events', 'event_participations', 'groups', 'group_moderators', 'group_bans',
        'moderation_log', 'funding_programmes', 'funding_translations', 'funding_calls',
        'partner_searches', 'group_reports', 'showcases', 'reviewers', 'submissions',
        'submission_events', 'account_persons'
    ] LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR DELETE ON %I '
            'FOR EACH ROW EXECUTE FUNCTION notify_content_change()',
            t || '_content_added_or_removed', t);
        EXECUTE format(
            'CREATE TRIGGER %I AFTER UPDATE ON %I '
            'FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) '
            'EXECUTE FUNCTION notify_content_change()',
            t || '_content_changed', t);
    END LOOP;
END
$$;
