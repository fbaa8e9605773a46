-- Communes of the target vintage with their EPCI, département and région (the hierarchy's leaves).
with hierarchy as (
    select * from geography.commune_hierarchy
    where vintage = (select vintage from geography.vintage where is_target)
),

final as (
    select
        commune_code,
        name,
        epci_code,
        departement_code,
        region_code
    from hierarchy
)

select * from final
