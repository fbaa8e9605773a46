-- The nearest statistical neighbours of each territory, as published (territory_peers), with their names.
select p.level, p.territory_code,
    to_json(list({'code': p.peer_code, 'name': t.name} order by p.peer_order)) as data
from release.territory_peers p
left join release.territories t on t.level = p.level and t.code = p.peer_code
group by p.level, p.territory_code
