SELECT source, file, column_name, position
FROM meta.unknown_column
ORDER BY source, file, position;
