-- SIRENE legal units: typed, with every row either valid (reject is null) or rejected with its reason.
with source as (
    select * from raw.sirene_unite_legale
),

renamed as (
    select
        _file,
        _record,
        nullif(trim(siren), '') as siren,
        statutDiffusionUniteLegale as statut_diffusion,
        dateCreationUniteLegale as date_creation_text,
        try_cast(dateCreationUniteLegale as date) as date_creation,
        nullif(trim(trancheEffectifsUniteLegale), '') as tranche_effectifs,
        nullif(trim(categorieEntreprise), '') as categorie_entreprise,
        etatAdministratifUniteLegale as etat_administratif,
        nullif(trim(categorieJuridiqueUniteLegale), '') as categorie_juridique,
        nullif(trim(activitePrincipaleUniteLegale), '') as activite_principale,
        nullif(trim(nomenclatureActivitePrincipaleUniteLegale), '') as nomenclature_activite,
        nullif(trim(activitePrincipaleNAF25UniteLegale), '') as activite_principale_naf25,
        nullif(trim(nicSiegeUniteLegale), '') as nic_siege,
        nullif(trim(economieSocialeSolidaireUniteLegale), '') as economie_sociale_solidaire,
        nullif(trim(societeMissionUniteLegale), '') as societe_mission,
        -- fields a unit may refuse to diffuse: '[ND]' in the stock when masked (DOMAIN.md §1.5)
        nullif(nullif(trim(denominationUniteLegale), ''), '[ND]') as denomination,
        nullif(nullif(trim(denominationUsuelle1UniteLegale), ''), '[ND]') as denomination_usuelle_1,
        nullif(nullif(trim(denominationUsuelle2UniteLegale), ''), '[ND]') as denomination_usuelle_2,
        nullif(nullif(trim(denominationUsuelle3UniteLegale), ''), '[ND]') as denomination_usuelle_3,
        nullif(nullif(trim(sigleUniteLegale), ''), '[ND]') as sigle,
        nullif(nullif(trim(nomUniteLegale), ''), '[ND]') as nom,
        nullif(nullif(trim(nomUsageUniteLegale), ''), '[ND]') as nom_usage,
        nullif(nullif(trim(prenom1UniteLegale), ''), '[ND]') as prenom_1,
        nullif(nullif(trim(prenom2UniteLegale), ''), '[ND]') as prenom_2,
        nullif(nullif(trim(prenom3UniteLegale), ''), '[ND]') as prenom_3,
        nullif(nullif(trim(prenom4UniteLegale), ''), '[ND]') as prenom_4,
        nullif(nullif(trim(prenomUsuelUniteLegale), ''), '[ND]') as prenom_usuel,
        nullif(nullif(trim(pseudonymeUniteLegale), ''), '[ND]') as pseudonyme,
        nullif(nullif(trim(sexeUniteLegale), ''), '[ND]') as sexe
    from source
),

final as (
    select
        * exclude (date_creation_text),
        case
            when siren is null
                then {'rule': 'required', 'column_name': 'siren', 'value': null, 'message': 'siren is required'}
            when not regexp_full_match(siren, '[0-9]{9}')
                then {'rule': 'pattern', 'column_name': 'siren', 'value': siren, 'message': 'siren must be 9 digits'}
            when not siren_is_valid(siren)
                then {'rule': 'checksum', 'column_name': 'siren', 'value': siren,
                      'message': 'siren fails its Luhn key'}
            when etat_administratif is null or etat_administratif not in ('A', 'C')
                then {'rule': 'allowed_values', 'column_name': 'etatAdministratifUniteLegale',
                      'value': etat_administratif, 'message': 'etatAdministratifUniteLegale must be A or C'}
            when statut_diffusion is null or statut_diffusion not in ('O', 'P', 'N')
                then {'rule': 'allowed_values', 'column_name': 'statutDiffusionUniteLegale',
                      'value': statut_diffusion, 'message': 'statutDiffusionUniteLegale must be O, P or N'}
            when date_creation_text is not null and trim(date_creation_text) <> '' and date_creation is null
                then {'rule': 'date', 'column_name': 'dateCreationUniteLegale', 'value': date_creation_text,
                      'message': 'dateCreationUniteLegale must be a date YYYY-MM-DD'}
            when categorie_juridique is not null and not regexp_full_match(categorie_juridique, '[0-9]{4}')
                then {'rule': 'pattern', 'column_name': 'categorieJuridiqueUniteLegale', 'value': categorie_juridique,
                      'message': 'a legal category is 4 digits'}
            when nic_siege is not null and not regexp_full_match(nic_siege, '[0-9]{5}')
                then {'rule': 'pattern', 'column_name': 'nicSiegeUniteLegale', 'value': nic_siege,
                      'message': 'a NIC is 5 digits'}
        end as reject
    from renamed
)

select * from final
