-- Establishments placed in a commune of the target vintage; foreign establishments are kept with no commune. An
-- establishment is never divided: a split code places it in the commune with the largest share.
with establishments as (
    select * from staging.stg_sirene__etablissement
),

vintages as (
    select vintage_used, target_vintage from geography.source_vintage where source = 'sirene_etablissement'
),

passage as (
    select p.*
    from geography.commune_passage p
    join vintages v on p.vintage_from = v.vintage_used and p.vintage_to = v.target_vintage
    qualify row_number() over (partition by p.code_from order by p.weight desc, p.code_to) = 1
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
