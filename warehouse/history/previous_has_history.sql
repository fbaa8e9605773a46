-- Whether the last good warehouse, attached read-only as previous, has the history tables (an older one may not).
SELECT count(*) = 2
FROM duckdb_tables()
WHERE database_name = 'previous' AND schema_name = 'core'
  AND table_name IN ('establishment_history', 'establishment_stock');
