SELECT source, rule, column_name, count(*) AS rows, any_value(message) AS example
FROM quality.rejected_row
GROUP BY ALL
ORDER BY source, rows DESC;
