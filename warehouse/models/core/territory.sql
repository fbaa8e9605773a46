-- Every territory of every level: commune, EPCI, département, région, France. Names of départements and régions come
-- from the target vintage, or from the newest vintage that has them when its files lack them.
with communes as (
    select * from core.commune
),

target as (
    select vintage from geography.vintage where is_target
),

departements as (
    select code, nom from staging.stg_cog__departement
    qualify row_number() over (partition by code order by vintage = (select vintage from target) desc,
                               vintage desc) = 1
),

regions as (
    select code, nom from staging.stg_cog__region
    qualify row_number() over (partition by code order by vintage = (select vintage from target) desc,
                               vintage desc) = 1
),

final as (
    select 'commune' as level, 1 as level_order, commune_code as code, name from communes
    union all
    select 'epci', 2, code, nom from staging.stg_cog__epci
    where vintage = (select vintage from target)
    union all
    select 'departement', 3, c.departement_code, coalesce(d.nom, c.departement_code)
    from (select distinct departement_code from communes) c
    left join departements d on d.code = c.departement_code
    union all
    select 'region', 4, c.region_code, coalesce(r.nom, c.region_code)
    from (select distinct region_code from communes) c
    left join regions r on r.code = c.region_code
    union all
    select 'france', 5, 'FR', 'France'
)

select * from final
