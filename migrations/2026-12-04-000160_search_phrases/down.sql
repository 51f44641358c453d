DROP FUNCTION search_phrase_lookup(TEXT);
DROP FUNCTION search_phrase_words(TEXT);
DROP FUNCTION search_phrase_word_shares(TEXT);
