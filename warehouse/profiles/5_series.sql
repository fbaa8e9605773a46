-- Over the years: establishments on 1 January, creations, closures and population, per territory one entry per
-- indicator with its periods, values and statuses in period order (a secret or missing value is null, its status
-- says why).
with rows as (
    select indicator_id, level, territory_code, period, dimension_code, value, status
    from release.indicator_values_commune
    union all by name select indicator_id, level, territory_code, period, dimension_code, value, status
    from release.indicator_values_epci
    union all by name select indicator_id, level, territory_code, period, dimension_code, value, status
    from release.indicator_values_departement
    union all by name select indicator_id, level, territory_code, period, dimension_code, value, status
    from release.indicator_values_region
),

series as (
    select level, territory_code, indicator_id,
        list(cast(period as varchar) order by period) as period_list,
        list(value order by period) as value_list,
        list(status order by period) as status_list
    from rows
    where indicator_id in ('active_establishments_1jan', 'creations', 'closures', 'population_municipale')
        and dimension_code = '_T'
    group by level, territory_code, indicator_id
)

select level, territory_code,
    to_json(list({'id': indicator_id, 'periods': period_list, 'values': value_list, 'statuses': status_list}
        order by indicator_id)) as data
from series
group by level, territory_code
