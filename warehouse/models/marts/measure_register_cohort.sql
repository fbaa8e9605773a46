-- Three-year survival of each year's cohort of creations, per commune of the target geography, for the cohorts whose
-- last member is 3 years old on the stock's date (younger cohorts have no row).
with establishments as (
    select siret, commune_code, etat_administratif, date_creation, date_debut
    from core.establishment
    where commune_code is not null and not is_foreign and date_creation is not null
),

period as (
    select * from mart.register_period
),

successors as (
    select distinct siret_successor as siret from core.establishment_succession
),

followed as (
    select unnest(range(p.first_year, p.stock_year + 1)) as period
    from period p
),

cohorts as (
    select
        e.commune_code,
        year(e.date_creation) as period,
        count(*) as cohort_establishments,
        count(*) filter (where e.etat_administratif = 'A'
                         or (e.etat_administratif = 'F' and e.date_debut >= e.date_creation + interval 3 year))
            as cohort_survivors_3y
    from establishments e
    where e.siret not in (select siret from successors)
    group by all
),

-- communes with at least one establishment in the stock, as in measure_register_year
grid as (
    select c.commune_code, f.period
    from core.commune c
    cross join followed f
    cross join period p
    where make_date(f.period + 3, 12, 31) <= p.stock_date
      and c.commune_code in (select commune_code from establishments)
),

final as (
    select
        g.commune_code,
        g.period,
        coalesce(c.cohort_establishments, 0) as cohort_establishments,
        coalesce(c.cohort_survivors_3y, 0) as cohort_survivors_3y
    from grid g
    left join cohorts c on c.commune_code = g.commune_code and c.period = g.period
)

select * from final
