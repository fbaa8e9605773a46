SELECT source, unmapped_codes, unmapped_rows, amount_left_out, total_amount, amount_harmonised, unit
FROM geography.unmapped_total
ORDER BY source;
