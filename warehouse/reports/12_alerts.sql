SELECT severity, message, level, territory_code, printf('%.1e', tail_probability) AS probability
FROM mart.alert
ORDER BY CASE severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, tail_probability, alert, source, level,
    territory_code, naf_section, event, window_months;
