-- The statuses of the indicator values of every level.
with values_of_every_level as (
    select status from release.indicator_values_commune
    union all select status from release.indicator_values_epci
    union all select status from release.indicator_values_departement
    union all select status from release.indicator_values_region
    union all select status from release.indicator_values_france
)

select status as code, count(*) as rows
from values_of_every_level
group by status
order by status
