-- A commune code of the COG: 5 digits, or 2A/2B (Corsica) and 3 digits. Null for a null code, like the pattern.
CREATE OR REPLACE MACRO commune_code_is_valid(code) AS (
    regexp_full_match(code, '[0-9]{5}|2[AB][0-9]{3}')
);
