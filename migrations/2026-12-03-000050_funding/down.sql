DROP TABLE funding_calls;
DROP TABLE funding_translations;
DROP TABLE funding_programmes;
