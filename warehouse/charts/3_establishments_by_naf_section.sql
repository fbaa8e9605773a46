-- Active establishments in France by NAF section, latest period.
with sections as (
    select dimension_code, value, period
    from release.indicator_values_france
    where indicator_id = 'establishments_by_naf_section' and dimension_code <> '_T' and status = 'ok'
)

select dimension_code as label, value
from sections
where period = (select max(period) from sections)
order by dimension_code
