-- Which territories each commune belongs to; département and région come from the commune, never from the EPCI
-- (an EPCI can span départements).
with communes as (
    select * from core.commune
),

final as (
    select commune_code, 'commune' as level, commune_code as territory_code from communes
    union all
    select commune_code, 'epci', epci_code from communes where epci_code is not null
    union all
    select commune_code, 'departement', departement_code from communes
    union all
    select commune_code, 'region', region_code from communes
    union all
    select commune_code, 'france', 'FR' from communes
)

select * from final
