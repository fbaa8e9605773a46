-- A département code: 2 digits, 2A/2B, or 97x overseas; with_98x also accepts the 98x codes the COG gives the
-- overseas collectivities of the Pacific and the TAAF. Null for a null code, like the pattern.
CREATE OR REPLACE MACRO departement_code_is_valid(code, with_98x := false) AS (
    CASE WHEN with_98x THEN regexp_full_match(code, '[0-9]{2}|2[AB]|97[0-9]|98[0-9]')
         ELSE regexp_full_match(code, '[0-9]{2}|2[AB]|97[0-9]') END
);
