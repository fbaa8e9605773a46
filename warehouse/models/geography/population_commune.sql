-- Populations of each edition harmonised from the source's vintage to the target vintage (merged communes get the sum of their
-- parts, arrondissements municipaux roll up to their commune, split codes are divided by population). A divided row
-- gives each commune the whole part of its share and the remainder to its largest share, so totals stay exact.
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

shares as (
    select
        p.code_to,
        population.period,
        population._file,
        population._record,
        population.population_municipale,
        population.population_totale,
        floor(population.population_municipale * p.weight)::bigint as municipale_share,
        floor(population.population_totale * p.weight)::bigint as totale_share,
        row_number() over (partition by population._file, population._record order by p.weight desc, p.code_to)
            as share_rank
    from population
    join passage p on p.code_from = population.commune_code
),

allocated as (
    select
        code_to,
        period,
        municipale_share + case when share_rank = 1
            then population_municipale - sum(municipale_share) over (partition by _file, _record) else 0 end
            as population_municipale,
        totale_share + case when share_rank = 1
            then population_totale - sum(totale_share) over (partition by _file, _record) else 0 end
            as population_totale
    from shares
),

final as (
    select
        code_to as commune_code,
        period,
        sum(population_municipale)::bigint as population_municipale,
        sum(population_totale)::bigint as population_totale,
        count(*) as source_communes
    from allocated
    group by code_to, period
)

select * from final
