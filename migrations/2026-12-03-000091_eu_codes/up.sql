-- EU-wide identifiers of organisations (see src/nuts.rs): the Eurostat LAU code of the
-- municipality, written `CC_code` (`DE_05913000`), and the NUTS region (`DEA52`), beside the
-- national code (`official_code`: AGS, INSEE, ...). Deduplication keys on the LAU code, and
-- statistics count regions by NUTS.
ALTER TABLE actors ADD COLUMN lau TEXT, ADD COLUMN nuts TEXT;
CREATE INDEX actors_lau ON actors (lau) WHERE lau IS NOT NULL;

-- German AGS and French INSEE codes are the LAU codes of their municipalities.
UPDATE actors SET lau = country || '_' || official_code
WHERE lau IS NULL AND official_code IS NOT NULL AND org_kind = 'municipality'
    AND ((country = 'DE' AND official_code ~ '^[0-9]{8}$')
        OR (country = 'FR' AND official_code ~ '^[0-9][0-9AB][0-9]{3}$'));
