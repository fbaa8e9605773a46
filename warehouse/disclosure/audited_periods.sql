-- the periods of one table (parameter 1, repeated as parameter 2): those of its contributions and those of the
-- published rows of the indicators reading it
SELECT DISTINCT CAST(period AS INTEGER) AS period
FROM (
    SELECT period FROM mart.secrecy_contribution WHERE table_id = ?
    UNION ALL
    SELECT v.period
    FROM public.indicator_value v
    JOIN mart.indicator i ON i.indicator_id = v.indicator_id
    WHERE i.numerator = ?
)
ORDER BY period
