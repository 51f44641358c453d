DROP TABLE group_reports;
