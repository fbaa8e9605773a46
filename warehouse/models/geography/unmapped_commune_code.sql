-- Codes found in sources that no passage maps from the source's vintage to the target vintage, with the rows and
-- amounts they carry: reported, never dropped silently.
with vintages as (
    select * from geography.source_vintage
),

passage as (
    select p.vintage_from, p.vintage_to, p.code_from
    from geography.commune_passage p
),

establishments as (
    select 'sirene_etablissement' as source, code_commune as code, count(*) as rows, count(*) as amount,
           'establishments' as unit
    from staging.stg_sirene__etablissement
    where code_commune is not null
    group by code_commune
),

population as (
    select 'insee_population_commune' as source, commune_code as code, count(*) as rows,
           sum(population_municipale) as amount, 'inhabitants (population municipale)' as unit
    from staging.stg_insee__population_commune
    group by commune_code
),

codes as (
    select * from establishments
    union all
    select * from population
),

final as (
    select c.source, c.code, c.rows, c.amount, c.unit, v.vintage_used as vintage_from, v.target_vintage as vintage_to
    from codes c
    join vintages v on v.source = c.source
    where not exists (
        select 1 from passage p
        where p.vintage_from = v.vintage_used and p.vintage_to = v.target_vintage and p.code_from = c.code
    )
)

select * from final
