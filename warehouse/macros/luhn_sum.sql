-- The Luhn sum of a string of digits of any length: every second digit from the right doubled, the digits of the
-- doubles added. A valid key makes it a multiple of 10.
CREATE OR REPLACE MACRO luhn_sum(s) AS (
    list_sum(list_transform(range(1, length(s) + 1), lambda i:
        CASE WHEN (length(s) - i) % 2 = 1
             THEN (TRY_CAST(substr(s, i, 1) AS INTEGER) * 2) // 10 + (TRY_CAST(substr(s, i, 1) AS INTEGER) * 2) % 10
             ELSE TRY_CAST(substr(s, i, 1) AS INTEGER) END))
);
