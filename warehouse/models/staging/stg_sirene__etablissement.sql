-- SIRENE establishments: typed, with every row either valid (reject is null) or rejected with its reason.
with source as (
    select * from raw.sirene_etablissement
),

renamed as (
    select
        _file,
        _record,
        nullif(trim(siren), '') as siren,
        nullif(trim(nic), '') as nic,
        nullif(trim(siret), '') as siret,
        statutDiffusionEtablissement as statut_diffusion,
        dateCreationEtablissement as date_creation_text,
        try_cast(dateCreationEtablissement as date) as date_creation,
        trancheEffectifsEtablissement as tranche_effectifs,
        etablissementSiege as etablissement_siege_text,
        upper(nullif(trim(codeCommuneEtablissement), '')) as code_commune,
        nullif(trim(codePaysEtrangerEtablissement), '') as code_pays_etranger,
        etatAdministratifEtablissement as etat_administratif,
        activitePrincipaleEtablissement as activite_principale,
        nomenclatureActivitePrincipaleEtablissement as nomenclature_activite,
        caractereEmployeurEtablissement as caractere_employeur
    from source
),

final as (
    select
        * exclude (date_creation_text, etablissement_siege_text),
        etablissement_siege_text = 'true' as etablissement_siege,
        case
            when siret is null
                then {'rule': 'required', 'column_name': 'siret', 'value': null, 'message': 'siret is required'}
            when not regexp_full_match(siret, '[0-9]{14}')
                then {'rule': 'pattern', 'column_name': 'siret', 'value': siret, 'message': 'siret must be 14 digits'}
            when not siret_is_valid(siret)
                then {'rule': 'checksum', 'column_name': 'siret', 'value': siret,
                      'message': 'siret fails its Luhn key (La Poste 356000000…: digit sum multiple of 5)'}
            when siren is distinct from left(siret, 9)
                then {'rule': 'consistency', 'column_name': 'siren', 'value': siren,
                      'message': 'siren must be the first 9 digits of siret'}
            when etat_administratif is null or etat_administratif not in ('A', 'F')
                then {'rule': 'allowed_values', 'column_name': 'etatAdministratifEtablissement',
                      'value': etat_administratif, 'message': 'etatAdministratifEtablissement must be A or F'}
            when statut_diffusion is null or statut_diffusion not in ('O', 'P', 'N')
                then {'rule': 'allowed_values', 'column_name': 'statutDiffusionEtablissement',
                      'value': statut_diffusion, 'message': 'statutDiffusionEtablissement must be O, P or N'}
            when date_creation_text is not null and date_creation is null
                then {'rule': 'date', 'column_name': 'dateCreationEtablissement', 'value': date_creation_text,
                      'message': 'dateCreationEtablissement must be a date YYYY-MM-DD'}
            when code_commune is null and code_pays_etranger is null
                then {'rule': 'required', 'column_name': 'codeCommuneEtablissement', 'value': null,
                      'message': 'an establishment needs a commune code, or a foreign country code'}
            when code_commune is not null and not regexp_full_match(code_commune, '[0-9]{5}|2[AB][0-9]{3}')
                then {'rule': 'pattern', 'column_name': 'codeCommuneEtablissement', 'value': code_commune,
                      'message': 'a commune code is 5 characters: 2 or 3 for the département, then the number'}
        end as reject
    from renamed
)

select * from final
