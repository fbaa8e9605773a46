-- Monthly creations and closures per territory (EPCI, département, région, and the communes of at least
-- commune_min_establishments active establishments), overall (naf_section '*') and per NAF rév. 2 section, over the
-- last months_kept complete months of the stock: the series the alerts compare with their own past
-- (mart.alert_test). Two sources:
--   register: the register's own dates in one stock, as public.establishment publishes them (every establishment
--             with a commune of the target geography, 'P' units included: they are counted, never named): a creation
--             in the month of dateCreationEtablissement (successors of a link with economic continuity left out, as
--             in mart.measure_register_year), a closure in the month its closed period starts (dateDebut of an 'F'
--             establishment);
--   history:  the creations and closures found between successive monthly stocks (mart.establishment_event), when
--             the history holds them; covered_months_back says how far back it reaches.
-- Months are counted back from the stock's last complete month (months_back 0): the month of its date when that
-- date is the month's last day, otherwise the month before, so that a partly covered month is never compared.
with period as (
    select * from mart.register_period
),

settings as (
    select
        1000 as commune_min_establishments,  -- communes followed on their own from this many active establishments
        72 as months_kept                    -- months of series kept (the alerts read back 51 months at most)
),

reference as (
    select
        case when p.stock_date = last_day(p.stock_date) then date_trunc('month', p.stock_date)
             else date_trunc('month', p.stock_date) - interval 1 month end::date as last_month
    from period p
),

establishments as (
    select
        siret,
        commune_code,
        is_active,
        etat_administratif,
        date_creation,
        date_debut,
        case when nomenclature_activite = 'NAFRev2' then naf_rev2_section(left(activite_principale, 2)) end
            as naf_section
    from core.establishment
    where commune_code is not null and not is_foreign
),

successors as (
    select distinct siret_successor as siret from core.establishment_succession
),

register_events as (
    select 'register' as source, 'creation' as event, date_trunc('month', date_creation)::date as month, commune_code,
           naf_section
    from establishments
    where date_creation is not null and siret not in (select siret from successors)
    union all
    select 'register', 'closure', date_trunc('month', date_debut)::date, commune_code, naf_section
    from establishments
    where etat_administratif = 'F' and date_debut is not null
),

history_events as (
    select 'history' as source, v.event, v.month, v.commune_code, e.naf_section
    from mart.establishment_event v
    left join establishments e on e.siret = v.siret
    where v.event in ('creation', 'closure') and v.commune_code is not null
),

first_stock as (
    select min(stock_month) as stock_month from core.establishment_stock
),

events as (
    select
        x.*,
        datediff('month', x.month, r.last_month) as months_back
    from (select * from register_events union all select * from history_events) x
    cross join reference r
    cross join settings s
    where datediff('month', x.month, r.last_month) between 0 and s.months_kept - 1
),

large_communes as (
    select commune_code
    from establishments
    where is_active
    group by commune_code
    having count(*) >= (select commune_min_establishments from settings)
),

placed as (
    select m.level, m.territory_code, e.source, e.event, e.month, e.months_back, e.naf_section
    from events e
    join core.territory_membership m on m.commune_code = e.commune_code
    where m.level in ('epci', 'departement', 'region')
       or m.level = 'commune' and m.commune_code in (select commune_code from large_communes)
),

counted as (
    select source, level, territory_code, '*' as naf_section, event, month, months_back, count(*) as establishments
    from placed
    group by all
    union all
    select source, level, territory_code, naf_section, event, month, months_back, count(*)
    from placed
    where naf_section is not null
    group by all
),

final as (
    select
        c.*,
        r.last_month,
        case when c.source = 'register' then s.months_kept
             else coalesce(datediff('month', f.stock_month, r.last_month), -1) end as covered_months_back
    from counted c
    cross join reference r
    cross join settings s
    cross join first_stock f
)

select * from final
