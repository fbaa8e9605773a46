-- What statistical secrecy suppressed, per protected indicator, period and level: the published cells, how many are
-- secret by the primary rules and by secondary secrecy, and the share of the published total they hold (the
-- information loss, on the numerator: the protected figure itself), for the run report and the release metadata.
with definitions as (
    select indicator_id, numerator as measure from mart.indicator
    where secrecy <> 'none'
),

protected_values as (
    select v.*, d.measure
    from mart.indicator_value v
    join definitions d using (indicator_id)
),

final as (
    select
        indicator_id,
        measure,
        period,
        level,
        count(*) as cells,
        count(*) filter (where status = 'secret_primary') as secret_primary,
        count(*) filter (where status = 'secret_secondary') as secret_secondary,
        sum(numerator) as total_value,
        coalesce(sum(numerator) filter (where status like 'secret%'), 0) as suppressed_value,
        round(100.0 * coalesce(sum(numerator) filter (where status like 'secret%'), 0) / nullif(sum(numerator), 0), 2)
            as suppressed_value_percent
    from protected_values
    group by all
)

select * from final
