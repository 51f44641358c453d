DROP FUNCTION record_and_claim(bigint[], text[], double precision, bigint[], bigint, bigint,
                               text[], text[], bigint[], double precision);
