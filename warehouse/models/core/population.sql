with population as (
    select * from geography.population_commune
)

select commune_code, population_municipale, population_totale from population
