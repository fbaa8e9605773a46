-- Legal units of the register (StockUniteLegale), one row per siren. Not published as such (diffusion rules apply).
with legal_units as (
    select * from staging.stg_sirene__unite_legale
),

renamed as (
    select
        siren,
        statut_diffusion,
        etat_administratif,
        etat_administratif = 'A' as is_active,
        categorie_juridique,
        categorie_juridique = '1000' or starts_with(categorie_juridique, '2') as is_natural_person_or_without_legal_personality,
        categorie_entreprise,
        date_creation,
        activite_principale,
        nomenclature_activite,
        activite_principale_naf25,
        tranche_effectifs,
        nic_siege,
        economie_sociale_solidaire,
        societe_mission,
        denomination,
        denomination_usuelle_1,
        denomination_usuelle_2,
        denomination_usuelle_3,
        sigle,
        nom,
        nom_usage,
        prenom_1,
        prenom_2,
        prenom_3,
        prenom_4,
        prenom_usuel,
        pseudonyme,
        sexe,
        _file as source_file
    from legal_units
    qualify row_number() over (partition by siren order by _file desc, _record desc) = 1
),

final as (
    select * from renamed
)

select * from final
