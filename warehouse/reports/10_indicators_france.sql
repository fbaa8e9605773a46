SELECT indicator_id, value, numerator, denominator, status
FROM public.indicator_value
WHERE level = 'france'
ORDER BY indicator_id, dimension_code;
