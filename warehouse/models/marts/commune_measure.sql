-- Commune-level measures of the register's stock (its state on the stock's date), from which the stock's
-- indicators are computed at every level.
with communes as (
    select * from core.commune
),

period as (
    select * from mart.register_period
),

establishments as (
    select
        commune_code,
        count(*) filter (where is_active) as active_establishments,
        count(*) filter (where is_active and caractere_employeur = 'O') as active_employer_establishments,
        count(*) filter (where is_active and nomenclature_activite = 'NAFRev2'
                         and naf_rev2_section(left(activite_principale, 2)) is not null) as active_naf_rev2
    from core.establishment
    where commune_code is not null and not is_foreign
    group by commune_code
),

-- Members of a partner network: the partner's sirets found active in the register, in the register's commune.
partner_members as (
    select e.commune_code, count(distinct e.siret) as partner_members
    from staging.stg_partner__etablissements p
    join core.establishment e on e.siret = p.siret
    where e.is_active and e.commune_code is not null and not e.is_foreign
    group by e.commune_code
),

partner_loaded as (
    select count(*) > 0 as loaded from staging.stg_partner__etablissements
),

final as (
    select
        c.commune_code,
        c.name as commune_name,
        (select stock_year from period) as period,
        coalesce(e.active_establishments, 0) as active_establishments,
        coalesce(e.active_employer_establishments, 0) as active_employer_establishments,
        coalesce(e.active_naf_rev2, 0) as active_naf_rev2,
        case when (select loaded from partner_loaded) then coalesce(pm.partner_members, 0) end as partner_members,
        p.population_municipale
    from communes c
    left join establishments e on e.commune_code = c.commune_code
    left join partner_members pm on pm.commune_code = c.commune_code
    left join core.population p on p.commune_code = c.commune_code
)

select * from final
