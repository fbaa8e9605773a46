-- Establishments placed in a commune of the target vintage; foreign establishments are kept with no commune. An
-- establishment is never divided: a split code places it in the commune with the largest share. The placing is the
-- view generated from the geography declared in stg_sirene__etablissement.yaml; this model adds what only
-- establishments have.
with harmonised as (
    select * from geography.sirene_etablissement__harmonised
),

final as (
    select
        * exclude (target_commune_code, geography_method, geography_share),
        target_commune_code as commune_code,
        geography_method,
        code_commune is null and code_pays_etranger is not null as is_foreign
    from harmonised
)

select * from final
