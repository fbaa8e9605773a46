-- Establishments placed in a commune of the target vintage; foreign establishments are kept with no commune.
with establishments as (
    select * from staging.stg_sirene__etablissement
),

passage as (
    select * from geography.commune_passage
),

final as (
    select
        e.*,
        p.code_to as commune_code,
        p.method as geography_method,
        e.code_commune is null and e.code_pays_etranger is not null as is_foreign
    from establishments e
    left join passage p on p.code_from = e.code_commune
)

select * from final
