SELECT indicator_id, period, level, cells, secret_primary, secret_secondary, suppressed_value_percent
FROM mart.secrecy_summary
ORDER BY indicator_id, period, level;
