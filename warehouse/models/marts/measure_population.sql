-- Population municipale of every edition loaded, per commune of the target geography; a commune the edition lacks
-- (Mayotte) has no value.
with population as (
    select * from geography.population_commune
),

editions as (
    select distinct period from population
),

final as (
    select c.commune_code, e.period, p.population_municipale
    from core.commune c
    cross join editions e
    left join population p on p.commune_code = c.commune_code and p.period = e.period
)

select * from final
