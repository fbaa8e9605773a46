-- Published: what each partner's data helped publish, one row per partner and indicator its delivered files feed.
-- Which indicators a source feeds is derived from the definitions (meta.partner_feed, docs/partners.md); a source
-- counts only when the run read a file of it (meta.partner_delivery). Cells are the rows of public.indicator_value:
-- published with a value (status ok) or secret (secret_primary, secret_secondary).
with feeds as (
    select partner_id, source, indicator_id from meta.partner_feed where indicator_id is not null
),

delivered as (
    select distinct partner_id, source from meta.partner_delivery
),

partners as (
    select * from meta.partner
),

cells as (
    select
        indicator_id,
        count(*) filter (where status = 'ok') as cells_published,
        count(*) filter (where status in ('secret_primary', 'secret_secondary')) as cells_secret
    from public.indicator_value
    group by indicator_id
),

final as (
    select
        f.partner_id,
        p.name as partner_name,
        f.indicator_id,
        string_agg(f.source, ', ' order by f.source) as sources,
        coalesce(max(c.cells_published), 0) as cells_published,
        coalesce(max(c.cells_secret), 0) as cells_secret
    from feeds f
    join delivered d on d.partner_id = f.partner_id and d.source = f.source
    join partners p on p.partner_id = f.partner_id
    left join cells c on c.indicator_id = f.indicator_id
    group by f.partner_id, p.name, f.indicator_id
)

select * from final
