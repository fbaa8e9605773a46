-- Published as is: reference data, no register unit in it. Each territory with its whole hierarchy: a commune's EPCI,
-- département and région; an EPCI's département (the one holding most of its population: an EPCI can span
-- départements) and région; a département's région; codes and names at every level (core.territory_parent).
with territories as (
    select * from core.territory
),

parents as (
    select * from core.territory_parent
),

final as (
    select
        t.level,
        t.level_order,
        t.code,
        t.name,
        p.epci_code,
        e.name as epci_name,
        p.departement_code,
        d.name as departement_name,
        p.region_code,
        r.name as region_name
    from territories t
    left join parents p on p.level = t.level and p.territory_code = t.code
    left join territories e on e.level = 'epci' and e.code = p.epci_code
    left join territories d on d.level = 'departement' and d.code = p.departement_code
    left join territories r on r.level = 'region' and r.code = p.region_code
)

select * from final
