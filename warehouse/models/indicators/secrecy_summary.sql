-- What statistical secrecy suppressed, per protected table, period, level and sector level: the published cells, how
-- many are secret by the primary rules and by secondary secrecy, and the share of the published value they hold (the
-- information loss), for the run report and the release metadata.
with cells as (
    select * from mart.secrecy_cell
    where published
),

final as (
    select
        table_id,
        period,
        level,
        sector_level,
        count(*) as cells,
        count(*) filter (where status = 'secret_primary') as secret_primary,
        count(*) filter (where status = 'secret_secondary') as secret_secondary,
        sum(value) as total_value,
        coalesce(sum(value) filter (where status <> 'ok'), 0) as suppressed_value,
        round(100.0 * coalesce(sum(value) filter (where status <> 'ok'), 0) / nullif(sum(value), 0), 2)
            as suppressed_value_percent
    from cells
    group by all
)

select * from final
