-- Communes of the target vintage with their EPCI, département and région (the hierarchy's leaves).
with communes as (
    select code, nom, departement, region
    from staging.stg_cog__commune
    where type = 'commune-actuelle'
),

epci_members as (
    select code as epci_code, unnest(membres) as commune_code
    from staging.stg_cog__epci
),

final as (
    select
        c.code as commune_code,
        c.nom as name,
        m.epci_code,
        c.departement as departement_code,
        c.region as region_code
    from communes c
    left join epci_members m on m.commune_code = c.code
)

select * from final
