-- Succession links with economic continuity between establishments: a transfer, not a closure and a creation.
with links as (
    select * from staging.stg_sirene__liens_succession
),

final as (
    select
        siret_predecessor,
        siret_successor,
        min(date_lien) as date_lien,
        bool_or(transfert_siege) as transfert_siege
    from links
    where continuite_economique and siret_predecessor <> siret_successor
    group by siret_predecessor, siret_successor
)

select * from final
