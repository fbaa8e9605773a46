-- Populations summed onto the communes of the target vintage (merged communes get the sum of their parts).
with population as (
    select * from staging.stg_insee__population_commune
),

passage as (
    select * from geography.commune_passage
),

final as (
    select
        p.code_to as commune_code,
        sum(population_municipale * p.weight)::bigint as population_municipale,
        sum(population_totale * p.weight)::bigint as population_totale,
        count(*) as source_communes
    from population
    join passage p on p.code_from = population.commune_code
    group by p.code_to
)

select * from final
