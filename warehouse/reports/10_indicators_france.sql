SELECT indicator_id, value, numerator, denominator
FROM mart.indicator_value
WHERE level = 'france'
ORDER BY indicator_id;
