-- Every indicator at every territorial level, ranked within its level, with the territory's name. Built by the
-- indicators step after it has generated mart.indicator_computed, the UNION ALL of one SELECT per indicator YAML of
-- warehouse/indicators/ (the only SQL of this step written by Java).
with computed as (
    select * from mart.indicator_computed
)

select
    c.indicator_id,
    c.level,
    c.territory_code,
    t.name as territory_name,
    c.numerator,
    c.denominator,
    c.value,
    case when c.value is null then null
         else rank() over (partition by c.indicator_id, c.level order by c.value desc nulls last) end
        as rank_in_level,
    count(*) over (partition by c.indicator_id, c.level) as territories_in_level
from computed c
join core.territory t on t.level = c.level and t.code = c.territory_code
order by c.indicator_id, t.level_order, c.territory_code
