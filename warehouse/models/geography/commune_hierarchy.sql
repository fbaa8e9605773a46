-- The official hierarchy of every loaded vintage: commune → EPCI → département → région → France. Département and
-- région come from the commune itself, never from its EPCI (an EPCI can span départements).
with communes as (
    select * from geography.cog_commune where type = 'commune-actuelle'
),

epci_members as (
    select vintage, code as epci_code, unnest(membres) as commune_code
    from staging.stg_cog__epci
),

final as (
    select
        c.vintage,
        c.code as commune_code,
        c.nom as name,
        m.epci_code,
        c.departement as departement_code,
        c.region as region_code,
        'FR' as country_code,
        c.population
    from communes c
    left join epci_members m on m.vintage = c.vintage and m.commune_code = c.code
)

select * from final
