-- 9 digits and a valid Luhn key. The Luhn sum is written out digit by digit: about ten times faster in DuckDB
-- than luhn_sum's lambda over the digits, which matters on the 44 million rows of the register.
CREATE OR REPLACE MACRO siren_is_valid(s) AS (
    coalesce(regexp_full_match(s, '[0-9]{9}') AND (
        (ascii(substr(s, 1, 1)) - 48) +
        (2 * (ascii(substr(s, 2, 1)) - 48)) // 10 + (2 * (ascii(substr(s, 2, 1)) - 48)) % 10 +
        (ascii(substr(s, 3, 1)) - 48) +
        (2 * (ascii(substr(s, 4, 1)) - 48)) // 10 + (2 * (ascii(substr(s, 4, 1)) - 48)) % 10 +
        (ascii(substr(s, 5, 1)) - 48) +
        (2 * (ascii(substr(s, 6, 1)) - 48)) // 10 + (2 * (ascii(substr(s, 6, 1)) - 48)) % 10 +
        (ascii(substr(s, 7, 1)) - 48) +
        (2 * (ascii(substr(s, 8, 1)) - 48)) // 10 + (2 * (ascii(substr(s, 8, 1)) - 48)) % 10 +
        (ascii(substr(s, 9, 1)) - 48)
    ) % 10 = 0, false)
);
