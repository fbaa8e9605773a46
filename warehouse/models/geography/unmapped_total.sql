-- What harmonisation left out, per source: unmapped codes, their rows and amount, against the source's total.
with unmapped as (
    select source, count(*) as codes, sum(rows) as rows, sum(amount) as amount
    from geography.unmapped_commune_code
    group by source
),

totals as (
    select 'sirene_etablissement' as source, count(*) as total_amount, 'establishments' as unit
    from staging.stg_sirene__etablissement
    where code_commune is not null
    union all
    select 'insee_population_commune', sum(population_municipale), 'inhabitants (population municipale)'
    from staging.stg_insee__population_commune
),

final as (
    select
        t.source,
        coalesce(u.codes, 0) as unmapped_codes,
        coalesce(u.rows, 0) as unmapped_rows,
        coalesce(u.amount, 0) as amount_left_out,
        coalesce(t.total_amount, 0) as total_amount,
        coalesce(t.total_amount, 0) - coalesce(u.amount, 0) as amount_harmonised,
        t.unit
    from totals t
    left join unmapped u on u.source = t.source
)

select * from final order by source
