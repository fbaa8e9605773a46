-- The territorial levels of the release, with their territories.
select level as code, count(*) as rows
from release.territories
group by level
order by min(level_order)
