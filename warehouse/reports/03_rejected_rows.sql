SELECT source, rule, column_name, rows, file AS sample_file, record AS sample_record, value AS sample_value,
       message AS sample_message
FROM (
    SELECT *,
           count(*) OVER (PARTITION BY source, rule, column_name) AS rows,
           row_number() OVER (PARTITION BY source, rule, column_name ORDER BY file, record) AS n
    FROM quality.rejected_row
)
WHERE n = 1
ORDER BY rows DESC, source, rule, column_name
LIMIT 20;
