-- Parts of communes in every loaded vintage: arrondissements municipaux (Paris, Lyon, Marseille), communes déléguées
-- and associées, each with the commune it belongs to.
with parts as (
    select * from geography.cog_commune
    where type in ('arrondissement-municipal', 'commune-deleguee', 'commune-associee')
),

final as (
    select vintage, code, type, nom as name, parent_code as commune_code
    from parts
)

select * from final
