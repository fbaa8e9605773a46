-- Published: the partners of the network (partners/<id>.yaml, without their contact), what they delivered to the run
-- and what it fed. Rows received, staged and rejected come from the row accounting of their files; freshness is the
-- date their workbooks state and the date of the run that read them (no clock: both are reproducible). Sums are cast
-- to bigint: DuckDB's sum of integers is a hugeint, which Parquet stores as a double.
with partners as (
    select * from meta.partner
),

sources as (
    select partner_id, string_agg(distinct source, ', ' order by source) as sources
    from meta.partner_feed
    group by partner_id
),

deliveries as (
    select
        d.partner_id,
        count(*) as files,
        max(d.file_date) as last_file_date,
        max(d.run_date) as last_run_date,
        cast(coalesce(sum(a.rows_read), 0) as bigint) as rows_received,
        cast(coalesce(sum(a.rows_staged), 0) as bigint) as rows_staged,
        cast(coalesce(sum(a.rows_rejected), 0) as bigint) as rows_rejected
    from meta.partner_delivery d
    left join meta.file_accounting a on a.source = d.source and a.file = d.file
    group by d.partner_id
),

contributions as (
    select
        partner_id,
        count(*) as indicators,
        string_agg(indicator_id, ', ' order by indicator_id) as indicator_ids,
        cast(sum(cells_published) as bigint) as cells_published,
        cast(sum(cells_secret) as bigint) as cells_secret
    from public.partner_contribution
    group by partner_id
),

final as (
    select
        p.partner_id,
        p.name,
        p.kind,
        p.kind_label,
        p.licence,
        p.confidentiality,
        s.sources,
        coalesce(d.files, 0) as files,
        d.last_file_date,
        d.last_run_date,
        coalesce(d.rows_received, 0) as rows_received,
        coalesce(d.rows_staged, 0) as rows_staged,
        coalesce(d.rows_rejected, 0) as rows_rejected,
        coalesce(c.indicators, 0) as indicators,
        c.indicator_ids,
        coalesce(c.cells_published, 0) as cells_published,
        coalesce(c.cells_secret, 0) as cells_secret
    from partners p
    left join sources s on s.partner_id = p.partner_id
    left join deliveries d on d.partner_id = p.partner_id
    left join contributions c on c.partner_id = p.partner_id
)

select * from final
