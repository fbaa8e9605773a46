SELECT file, vintage, rows_repaired, rows, example
FROM geography.commune_code_repair
ORDER BY file;
