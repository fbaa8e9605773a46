-- Establishment density of each région, latest period with a value, highest first.
with densities as (
    select territory_name, value, period
    from release.indicator_values_region
    where indicator_id = 'establishment_density' and dimension_code = '_T' and status = 'ok'
),

latest as (
    select max(period) as period from densities
)

select territory_name as label, value
from densities
where period = (select period from latest)
order by value desc, label
