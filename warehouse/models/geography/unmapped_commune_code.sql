-- Codes found in sources that no passage maps to the target vintage, with the rows and amounts they carry.
with passage as (
    select code_from from geography.commune_passage
),

establishments as (
    select 'sirene_etablissement' as source, code_commune as code, count(*) as rows, count(*) as amount,
           'establishments' as unit
    from staging.stg_sirene__etablissement
    where code_commune is not null and code_commune not in (select code_from from passage)
    group by code_commune
),

population as (
    select 'insee_population_commune' as source, commune_code as code, count(*) as rows,
           sum(population_municipale) as amount, 'inhabitants (population municipale)' as unit
    from staging.stg_insee__population_commune
    where commune_code not in (select code_from from passage)
    group by commune_code
)

select * from establishments
union all
select * from population
