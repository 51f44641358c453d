DROP FUNCTION search_phrase_words(TEXT);
