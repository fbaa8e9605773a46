-- Every non-empty cell of every protected table (a measure whose indicators have the secrecy class frequency or
-- business), at the five territorial levels crossed with every sector level of its table, with the units it rests on,
-- its largest unit's share and its primary status (loi 51-711, art. 6; warehouse/secrecy.yaml). Built by the secrecy
-- step from the tables it generates (mart.secrecy_table, mart.secrecy_contribution, mart.secrecy_publication); the
-- secondary suppression then marks more published cells 'secret_secondary' (docs/secrecy.md).
with tables as (
    select * from mart.secrecy_table
),

contributions as (
    select * from mart.secrecy_contribution
),

publication as (
    select * from mart.secrecy_publication
),

communes as (
    select territory_code as commune_code, epci_code, departement_code, region_code
    from core.territory_parent
    where level = 'commune'
),

-- each row once in every territory holding its commune: the two hierarchies (EPCI, département → région) are linked,
-- not nested
placed as (
    select c.table_id, c.period, 'commune' as level, c.commune_code as territory_code, c.unit_id, c.sector_codes, c.value
    from contributions c
    union all
    select c.table_id, c.period, 'epci', p.epci_code, c.unit_id, c.sector_codes, c.value
    from contributions c join communes p using (commune_code)
    where p.epci_code is not null
    union all
    select c.table_id, c.period, 'departement', p.departement_code, c.unit_id, c.sector_codes, c.value
    from contributions c join communes p using (commune_code)
    union all
    select c.table_id, c.period, 'region', p.region_code, c.unit_id, c.sector_codes, c.value
    from contributions c join communes p using (commune_code)
    union all
    select c.table_id, c.period, 'france', 'FR', c.unit_id, c.sector_codes, c.value
    from contributions c
),

-- and once at every sector level: the total (depth 0), then each level of the table, coarse to fine
sectored as (
    select
        p.table_id, p.period, p.level, p.territory_code, p.unit_id, p.value,
        case when d.depth = 0 then 'total' else t.sector_levels[d.depth] end as sector_level,
        case when d.depth = 0 then '_T' else p.sector_codes[d.depth] end as sector_code
    from placed p
    join tables t using (table_id)
    cross join lateral (select unnest(range(0, len(t.sector_levels) + 1)) as depth) d
),

by_unit as (
    select table_id, period, level, territory_code, sector_level, sector_code, unit_id, sum(value) as unit_value
    from sectored
    group by all
),

cells as (
    select
        table_id, period, level, territory_code, sector_level, sector_code,
        sum(unit_value) as value,
        count(*) filter (where unit_value <> 0) as units,
        case when sum(unit_value) > 0 then max(unit_value) / sum(unit_value) end as top_share
    from by_unit
    group by all
),

final as (
    select
        c.table_id,
        c.period,
        c.level,
        c.territory_code,
        c.sector_level,
        c.sector_code,
        c.value,
        c.units,
        c.top_share,
        p.table_id is not null as published,
        case
            when c.units > 0 and c.units < t.min_units then 'secret_primary'
            when t.class = 'business' and c.top_share > t.dominance then 'secret_primary'
            else 'ok'
        end as status
    from cells c
    join tables t using (table_id)
    left join publication p on p.table_id = c.table_id and p.level = c.level and p.sector_level = c.sector_level
)

select * from final
