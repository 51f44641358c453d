DROP FUNCTION search_versions(TEXT, BIGINT);
