-- The people's actors go with the table (their posts and activities cascade with them).
DELETE FROM actors WHERE id IN (SELECT actor_id FROM account_persons);
DROP TABLE account_persons;
