DROP TABLE follows;
DROP TABLE post_images;
DROP TABLE post_translations;
DROP TABLE posts;
DROP TABLE api_tokens;
DROP TABLE editors;
DROP TABLE accounts;
DROP TABLE actors;
