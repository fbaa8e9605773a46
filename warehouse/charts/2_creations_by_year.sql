-- Establishment creations in France, year by year.
select cast(period as varchar) as label, value
from release.indicator_values_france
where indicator_id = 'creations' and dimension_code = '_T' and status = 'ok'
order by period
