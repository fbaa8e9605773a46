-- Establishments of the register in the target geography.
with establishments as (
    select * from geography.sirene_etablissement
),

final as (
    select
        siret,
        siren,
        nic,
        commune_code,
        code_commune as commune_code_as_published,
        geography_method,
        is_foreign,
        code_pays_etranger,
        etat_administratif,
        etat_administratif = 'A' as is_active,
        statut_diffusion,
        date_creation,
        activite_principale,
        nomenclature_activite,
        tranche_effectifs,
        caractere_employeur,
        etablissement_siege,
        _file as source_file
    from establishments
)

select * from final
