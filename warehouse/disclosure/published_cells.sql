-- What the public layer says about the cells of one protected table (parameters: table_id, period): every row
-- of an indicator whose numerator is the table.
SELECT v.indicator_id, v.level, v.territory_code,
       CASE WHEN v.dimension IS NULL OR v.dimension = 'none' THEN 'total' ELSE v.dimension END AS sector_level,
       CASE WHEN v.dimension IS NULL OR v.dimension = 'none' THEN '_T' ELSE v.dimension_code END AS sector_code,
       v.status, CAST(v.numerator AS DOUBLE) AS numerator, CAST(v.denominator AS DOUBLE) AS denominator,
       CAST(v.value AS DOUBLE) AS value
FROM public.indicator_value v
JOIN mart.indicator i ON i.indicator_id = v.indicator_id
WHERE i.numerator = ? AND v.period = ?
