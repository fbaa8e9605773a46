SELECT table_id, class, coalesce(sector_levels, []::VARCHAR[]) AS sector_levels, coalesce(min_units, 3) AS min_units,
       coalesce(dominance, 0.85) AS dominance
FROM mart.secrecy_table
ORDER BY table_id
