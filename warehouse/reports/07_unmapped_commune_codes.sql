SELECT source, code, rows, amount, unit, vintage_from, vintage_to
FROM geography.unmapped_commune_code
ORDER BY source, code;
