DROP TABLE partner_searches;
