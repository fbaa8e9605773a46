-- Every territory of every level: commune, EPCI, département, région, France.
with communes as (
    select * from core.commune
),

final as (
    select 'commune' as level, 1 as level_order, commune_code as code, name from communes
    union all
    select 'epci', 2, code, nom from staging.stg_cog__epci
    union all
    select 'departement', 3, code, nom from staging.stg_cog__departement
    where code in (select departement_code from communes)
    union all
    select 'region', 4, code, nom from staging.stg_cog__region
    where code in (select region_code from communes)
    union all
    select 'france', 5, 'FR', 'France'
)

select * from final
