-- The parents each territory's values are compared with: a commune's EPCI, département and région; an EPCI's
-- département holding most of its population (an EPCI can span départements) and that département's région; a
-- département's région.
with communes as (
    select c.commune_code, c.epci_code, c.departement_code, c.region_code, p.population_municipale
    from core.commune c
    left join core.population p on p.commune_code = c.commune_code
),

epci_departement as (
    select epci_code, departement_code, region_code
    from (
        select epci_code, departement_code, region_code, sum(coalesce(population_municipale, 0)) as population,
               count(*) as communes
        from communes
        where epci_code is not null
        group by all
    )
    qualify row_number() over (partition by epci_code order by population desc, communes desc, departement_code) = 1
),

final as (
    select 'commune' as level, commune_code as territory_code, epci_code, departement_code, region_code
    from communes
    union all
    select 'epci', epci_code, null, departement_code, region_code from epci_departement
    union all
    select distinct 'departement', departement_code, null, null, region_code from communes
    union all
    select distinct 'region', region_code, null, null, null from communes
    union all
    select 'france', 'FR', null, null, null
)

select * from final
