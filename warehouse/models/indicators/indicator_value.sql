-- Every indicator at every level, period and code, with its references: rank and percentile within its level, the
-- values of its parents and of France, its peer group's median and its rank there. Built by the indicators step
-- after it has generated mart.indicator_computed, the UNION ALL of one SELECT per indicator YAML of
-- warehouse/indicators/ (the only SQL of this step written by Java).
with computed as (
    select * from mart.indicator_computed
),

territories as (
    select * from core.territory
),

parents as (
    select * from core.territory_parent
),

peer_groups as (
    select * from core.territory_peer_group
),

-- One ordering per partition: the rank (highest first) also gives the percentile, n − rank + 1 values being at
-- most this one.
ranked as (
    select
        c.*,
        g.peer_group,
        case when c.value is not null then rank() over level_order end as rank_in_level,
        count(c.value) over level_values as valued_in_level,
        count(*) over level_values as territories_in_level,
        case when c.value is not null and g.peer_group is not null then rank() over peer_order end
            as rank_in_peer_group,
        case when g.peer_group is not null then round(median(c.value) over peer_values, 10) end as peer_median,
        case when g.peer_group is not null then count(*) over peer_values end as territories_in_peer_group
    from computed c
    left join peer_groups g on g.level = c.level and g.territory_code = c.territory_code
    window
        level_values as (partition by c.indicator_id, c.level, c.period, c.dimension_code),
        level_order as (level_values order by c.value desc nulls last),
        peer_values as (partition by c.indicator_id, c.level, c.period, c.dimension_code, g.peer_group),
        peer_order as (peer_values order by c.value desc nulls last)
),

compared as (
    select
        * exclude (valued_in_level),
        -- share of the level's territories with a value whose value is at most this one, in percent
        round(100.0 * (valued_in_level - rank_in_level + 1) / valued_in_level, 2) as percentile_in_level
    from ranked
),

final as (
    select
        c.indicator_id,
        c.level,
        c.territory_code,
        t.name as territory_name,
        c.period,
        c.dimension,
        c.dimension_code,
        c.numerator,
        c.denominator,
        c.value,
        c.status,
        c.flag,
        c.rank_in_level,
        c.percentile_in_level,
        c.territories_in_level,
        ep.value as epci_value,
        dp.value as departement_value,
        rp.value as region_value,
        fr.value as france_value,
        c.peer_group,
        c.peer_median,
        c.rank_in_peer_group,
        c.territories_in_peer_group,
        t.level_order
    from compared c
    join territories t on t.level = c.level and t.code = c.territory_code
    left join parents p on p.level = c.level and p.territory_code = c.territory_code
    left join computed ep on ep.indicator_id = c.indicator_id and ep.period = c.period
        and ep.dimension_code = c.dimension_code and ep.level = 'epci' and ep.territory_code = p.epci_code
    left join computed dp on dp.indicator_id = c.indicator_id and dp.period = c.period
        and dp.dimension_code = c.dimension_code and dp.level = 'departement' and dp.territory_code = p.departement_code
    left join computed rp on rp.indicator_id = c.indicator_id and rp.period = c.period
        and rp.dimension_code = c.dimension_code and rp.level = 'region' and rp.territory_code = p.region_code
    left join computed fr on fr.indicator_id = c.indicator_id and fr.period = c.period
        and fr.dimension_code = c.dimension_code and fr.level = 'france'
)

select * exclude (level_order) from final
order by indicator_id, level_order, territory_code, period, dimension_code
