-- Yearly series from one register stock, per commune of the target geography: establishments active on 1 January,
-- creations and closures. An establishment is counted in the commune it has
-- in the stock (moves are not followed) and by its state in the stock.
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

years as (
    select unnest(range(p.first_year, p.stock_year + 1)) as period from period p
),

-- Active on 1 January N when created before N-01-01 and still active, or closed by a period starting on or after
-- N-01-01: from the year after its creation to the stock's year (active) or its closure's year (closed).
spans as (
    select
        e.commune_code,
        greatest(year(e.date_creation) + 1, p.first_year) as first_active,
        case when e.etat_administratif = 'A' then p.stock_year
             when e.etat_administratif = 'F' then least(year(e.date_debut), p.stock_year) end as last_active,
        p.stock_year
    from establishments e
    cross join period p
),

steps as (
    select commune_code, first_active as period, count(*) as change
    from spans where first_active <= last_active
    group by all
    union all
    select commune_code, last_active + 1 as period, -count(*) as change
    from spans where first_active <= last_active and last_active < stock_year
    group by all
),

created as (
    select
        e.commune_code,
        year(e.date_creation) as period,
        count(*) as creations
    from establishments e
    cross join period p
    where year(e.date_creation) between p.first_year and p.stock_year
      and e.siret not in (select siret from successors)
    group by all
),

closed as (
    select e.commune_code, year(e.date_debut) as period, count(*) as closures
    from establishments e
    cross join period p
    where e.etat_administratif = 'F' and year(e.date_debut) between p.first_year and p.stock_year
    group by all
),

-- communes with at least one establishment in the stock: the others would only add rows of zeros (in the full
-- register nearly every commune has one)
grid as (
    select c.commune_code, y.period
    from core.commune c
    cross join years y
    where c.commune_code in (select commune_code from establishments)
),

final as (
    select
        g.commune_code,
        g.period,
        sum(coalesce(s.change, 0)) over (partition by g.commune_code order by g.period)::bigint
            as active_establishments_1jan,
        coalesce(cr.creations, 0) as creations,
        coalesce(cl.closures, 0) as closures
    from grid g
    left join (select commune_code, period, sum(change) as change from steps group by all) s
        on s.commune_code = g.commune_code and s.period = g.period
    left join created cr on cr.commune_code = g.commune_code and cr.period = g.period
    left join closed cl on cl.commune_code = g.commune_code and cl.period = g.period
)

select * from final
