ALTER TABLE deliveries RESET (fillfactor);
DROP FUNCTION claim_deliveries(bigint, bigint, text[], text[], bigint[], double precision);
