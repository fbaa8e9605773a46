-- Published: counts of cells only. The value suppressed (mart.secrecy_summary) stays out of the release: a published
-- sum over the secret cells of a level would be one more linear relation between them, which the disclosure audit
-- does not allow for; the run report shows it.
with source as (
    select * from mart.secrecy_summary
),

final as (
    select
        indicator_id,
        measure,
        period,
        level,
        cells,
        secret_primary,
        secret_secondary,
        round(100.0 * (secret_primary + secret_secondary) / cells, 2) as secret_cells_percent
    from source
)

select * from final
