-- The statistical-secrecy classes of the indicator definitions.
select secrecy as code, count(*) as rows
from release.indicators
group by secrecy
order by secrecy
