-- Populations harmonised from the source's vintage to the target vintage (merged communes get the sum of their
-- parts, arrondissements municipaux roll up to their commune, split codes are divided by population).
with population as (
    select * from staging.stg_insee__population_commune
),

vintages as (
    select vintage_used, target_vintage from geography.source_vintage where source = 'insee_population_commune'
),

passage as (
    select p.*
    from geography.commune_passage p
    join vintages v on p.vintage_from = v.vintage_used and p.vintage_to = v.target_vintage
),

final as (
    select
        p.code_to as commune_code,
        round(sum(population_municipale * p.weight))::bigint as population_municipale,
        round(sum(population_totale * p.weight))::bigint as population_totale,
        count(*) as source_communes
    from population
    join passage p on p.code_from = population.commune_code
    group by p.code_to
)

select * from final
