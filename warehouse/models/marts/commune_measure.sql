-- Commune-level measures from which every indicator is computed at every level.
with communes as (
    select * from core.commune
),

establishments as (
    select
        commune_code,
        count(*) filter (where is_active) as active_establishments,
        count(*) filter (where is_active and caractere_employeur = 'O') as active_employer_establishments
    from core.establishment
    where commune_code is not null and not is_foreign
    group by commune_code
),

final as (
    select
        c.commune_code,
        c.name as commune_name,
        coalesce(e.active_establishments, 0) as active_establishments,
        coalesce(e.active_employer_establishments, 0) as active_employer_establishments,
        p.population_municipale
    from communes c
    left join establishments e on e.commune_code = c.commune_code
    left join core.population p on p.commune_code = c.commune_code
)

select * from final
