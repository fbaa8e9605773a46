-- Every indicator at every level, period and code, with its references: rank and percentile within its level, the
-- values of its parents and of France, its peer group's median and its rank there. Built by the indicators step
-- after it has generated mart.indicator_computed, the UNION ALL of one SELECT per indicator YAML of
-- warehouse/indicators/ (the only SQL of this step written by Java). Ranks, percentiles, references and medians are
-- computed from published values only: a value secret by statistical secrecy (status secret_primary or
-- secret_secondary) is kept here for authorised analysts but is neither ranked nor used as a reference, so that the
-- published ranks and medians reveal nothing of it.
with computed as (
    select *, case when status like 'secret%' then null else value end as published_value
    from mart.indicator_computed
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

grouped as (
    select c.*, g.peer_group
    from computed c
    left join peer_groups g on g.level = c.level and g.territory_code = c.territory_code
),

-- Counts and medians are aggregates, joined back (a window median costs ten times more).
level_counts as (
    select indicator_id, level, period, dimension_code,
           count(*) as territories_in_level, count(published_value) as valued_in_level
    from computed
    group by all
),

peer_medians as (
    select indicator_id, level, period, dimension_code, peer_group,
           round(median(published_value), 10) as peer_median, count(*) as territories_in_peer_group
    from grouped
    where peer_group is not null
    group by all
),

-- The rank (highest first) also gives the percentile: n - rank + 1 of the n values are at most this one.
ranked as (
    select
        *,
        case when published_value is not null then
            rank() over (partition by indicator_id, level, period, dimension_code order by published_value desc nulls last)
        end as rank_in_level,
        case when published_value is not null and peer_group is not null then
            rank() over (partition by indicator_id, level, period, dimension_code, peer_group
                         order by published_value desc nulls last)
        end as rank_in_peer_group
    from grouped
),

compared as (
    select
        r.*,
        l.territories_in_level,
        -- share of the level's territories with a value whose value is at most this one, in percent
        round(100.0 * (l.valued_in_level - r.rank_in_level + 1) / l.valued_in_level, 2) as percentile_in_level,
        p.peer_median,
        p.territories_in_peer_group
    from ranked r
    join level_counts l using (indicator_id, level, period, dimension_code)
    left join peer_medians p using (indicator_id, level, period, dimension_code, peer_group)
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
        ep.published_value as epci_value,
        dp.published_value as departement_value,
        rp.published_value as region_value,
        fr.published_value as france_value,
        c.peer_group,
        c.peer_median,
        c.rank_in_peer_group,
        c.territories_in_peer_group
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

-- not sorted: the files of the release are (publish.yaml's order_by), the table need not be
select * from final
