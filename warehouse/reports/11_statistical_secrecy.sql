SELECT table_id, period, level, sector_level, cells, secret_primary, secret_secondary, suppressed_value_percent
FROM mart.secrecy_summary
ORDER BY table_id, period, level, sector_level;
