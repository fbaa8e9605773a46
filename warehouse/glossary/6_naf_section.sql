-- The NAF sections the France values are broken down by.
select dimension_code as code, count(*) as rows
from release.indicator_values_france
where dimension = 'naf_section' and dimension_code <> '_T'
group by dimension_code
order by dimension_code
