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
        caractereEmployeurEtablissement as caractere_employeur,
        nullif(trim(activitePrincipaleNAF25Etablissement), '') as activite_principale_naf25,
        try_cast(dateDebut as date) as date_debut,
        dateDebut as date_debut_text,
        -- when INSEE last processed the unit (2012-05-05T17:04:35): its date dates the stock
        cast(try_cast(dateDernierTraitementEtablissement as timestamp) as date) as date_dernier_traitement,
        -- fields a unit may refuse to diffuse: '[ND]' in the stock when masked (DOMAIN.md §1.5)
        nullif(nullif(trim(complementAdresseEtablissement), ''), '[ND]') as complement_adresse,
        nullif(nullif(trim(numeroVoieEtablissement), ''), '[ND]') as numero_voie,
        nullif(nullif(trim(indiceRepetitionEtablissement), ''), '[ND]') as indice_repetition,
        nullif(nullif(trim(typeVoieEtablissement), ''), '[ND]') as type_voie,
        nullif(nullif(trim(libelleVoieEtablissement), ''), '[ND]') as libelle_voie,
        nullif(nullif(trim(codePostalEtablissement), ''), '[ND]') as code_postal,
        nullif(nullif(trim(distributionSpecialeEtablissement), ''), '[ND]') as distribution_speciale,
        nullif(nullif(trim(codeCedexEtablissement), ''), '[ND]') as code_cedex,
        nullif(nullif(trim(libelleCedexEtablissement), ''), '[ND]') as libelle_cedex,
        nullif(nullif(trim(coordonneeLambertAbscisseEtablissement), ''), '[ND]') as coordonnee_lambert_abscisse,
        nullif(nullif(trim(coordonneeLambertOrdonneeEtablissement), ''), '[ND]') as coordonnee_lambert_ordonnee,
        nullif(nullif(trim(enseigne1Etablissement), ''), '[ND]') as enseigne_1,
        nullif(nullif(trim(enseigne2Etablissement), ''), '[ND]') as enseigne_2,
        nullif(nullif(trim(enseigne3Etablissement), ''), '[ND]') as enseigne_3,
        nullif(nullif(trim(denominationUsuelleEtablissement), ''), '[ND]') as denomination_usuelle,
        nullif(trim(libelleCommuneEtablissement), '') as libelle_commune,
        nullif(trim(libelleCommuneEtrangerEtablissement), '') as libelle_commune_etranger,
        nullif(trim(libellePaysEtrangerEtablissement), '') as libelle_pays_etranger
    from source
),

final as (
    select
        * exclude (date_creation_text, etablissement_siege_text, date_debut_text),
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
            when date_debut_text is not null and trim(date_debut_text) <> '' and date_debut is null
                then {'rule': 'date', 'column_name': 'dateDebut', 'value': date_debut_text,
                      'message': 'dateDebut must be a date YYYY-MM-DD'}
            when tranche_effectifs is not null and tranche_effectifs <> ''
                    and tranche_effectifs not in ('NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32',
                                                  '41', '42', '51', '52', '53')
                then {'rule': 'allowed_values', 'column_name': 'trancheEffectifsEtablissement',
                      'value': tranche_effectifs, 'message': 'trancheEffectifsEtablissement must be an INSEE band code'}
            when nomenclature_activite = 'NAFRev2' and not regexp_full_match(activite_principale, '[0-9]{2}\.[0-9]{2}[A-Z]')
                then {'rule': 'pattern', 'column_name': 'activitePrincipaleEtablissement', 'value': activite_principale,
                      'message': 'a NAF rév. 2 code reads 99.99X'}
            when code_pays_etranger is not null and not regexp_full_match(code_pays_etranger, '99[0-9]{3}')
                then {'rule': 'pattern', 'column_name': 'codePaysEtrangerEtablissement', 'value': code_pays_etranger,
                      'message': 'a foreign country code is 99 then 3 digits (COG)'}
            when code_commune is null and code_pays_etranger is null
                then {'rule': 'required', 'column_name': 'codeCommuneEtablissement', 'value': null,
                      'message': 'an establishment needs a commune code, or a foreign country code'}
            when code_commune is not null and not commune_code_is_valid(code_commune)
                then {'rule': 'pattern', 'column_name': 'codeCommuneEtablissement', 'value': code_commune,
                      'message': 'a commune code is 5 characters: 2 or 3 for the département, then the number'}
        end as reject
    from renamed
)

select * from final
