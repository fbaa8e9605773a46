-- Population of the latest edition loaded: the denominator of per-inhabitant rates of the register's stock.
with population as (
    select * from geography.population_commune
),

latest as (
    select max(period) as period from population
)

select commune_code, period, population_municipale, population_totale
from population
where period = (select period from latest)
