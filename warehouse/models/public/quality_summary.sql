-- Published: what the run read and checked, no register unit in it. One row per input file (rows read, staged and
-- rejected) and one per audit (its outcome; the sample of offending rows stays in the warehouse: it may show units).
-- Rebuilt by the publish step (publish.yaml, rebuild: true) so that the audits of the public layer, which run after
-- this layer is built, are in it.
with files as (
    select * from meta.file_accounting
),

audits as (
    select * from quality.audit_result
),

final as (
    select
        'file' as kind,
        source || '/' || file as item,
        source,
        cast(null as varchar) as description,
        rows_read,
        rows_staged,
        rows_rejected,
        cast(null as boolean) as blocking,
        cast(null as bigint) as offending_rows,
        case when rows_rejected = 0 then 'ok' else 'rejects' end as outcome
    from files
    union all
    select
        'audit',
        audit,
        cast(null as varchar),
        description,
        null,
        null,
        null,
        blocking,
        offending_rows,
        case when offending_rows = 0 then 'pass' when blocking then 'fail' else 'warn' end
    from audits
)

select * from final
