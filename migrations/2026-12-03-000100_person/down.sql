DROP TABLE account_persons;
