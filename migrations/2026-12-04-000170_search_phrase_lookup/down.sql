DROP FUNCTION search_phrase_lookup(TEXT);
