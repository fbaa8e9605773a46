-- SIRENE succession links: typed, with every row either valid (reject is null) or rejected with its reason.
with source as (
    select * from raw.sirene_liens_succession
),

renamed as (
    select
        _file,
        _record,
        nullif(trim(siretEtablissementPredecesseur), '') as siret_predecessor,
        nullif(trim(siretEtablissementSuccesseur), '') as siret_successor,
        dateLienSuccession as date_lien_text,
        try_cast(dateLienSuccession as date) as date_lien,
        lower(trim(transfertSiege)) as transfert_siege_text,
        lower(trim(continuiteEconomique)) as continuite_economique_text
    from source
),

final as (
    select
        * exclude (date_lien_text, transfert_siege_text, continuite_economique_text),
        transfert_siege_text = 'true' as transfert_siege,
        continuite_economique_text = 'true' as continuite_economique,
        case
            when siret_predecessor is null
                then {'rule': 'required', 'column_name': 'siretEtablissementPredecesseur', 'value': null,
                      'message': 'siretEtablissementPredecesseur is required'}
            when not regexp_full_match(siret_predecessor, '[0-9]{14}')
                then {'rule': 'pattern', 'column_name': 'siretEtablissementPredecesseur', 'value': siret_predecessor,
                      'message': 'a siret is 14 digits'}
            when siret_successor is null
                then {'rule': 'required', 'column_name': 'siretEtablissementSuccesseur', 'value': null,
                      'message': 'siretEtablissementSuccesseur is required'}
            when not regexp_full_match(siret_successor, '[0-9]{14}')
                then {'rule': 'pattern', 'column_name': 'siretEtablissementSuccesseur', 'value': siret_successor,
                      'message': 'a siret is 14 digits'}
            when date_lien is null
                then {'rule': 'date', 'column_name': 'dateLienSuccession', 'value': date_lien_text,
                      'message': 'dateLienSuccession must be a date YYYY-MM-DD'}
            when transfert_siege_text is null or transfert_siege_text not in ('true', 'false')
                then {'rule': 'allowed_values', 'column_name': 'transfertSiege', 'value': transfert_siege_text,
                      'message': 'transfertSiege must be true or false'}
            when continuite_economique_text is null or continuite_economique_text not in ('true', 'false')
                then {'rule': 'allowed_values', 'column_name': 'continuiteEconomique',
                      'value': continuite_economique_text, 'message': 'continuiteEconomique must be true or false'}
        end as reject
    from renamed
)

select * from final
