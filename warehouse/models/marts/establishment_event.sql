-- Events of the register's establishments, from the transitions between their validity periods. The first stock
-- taken into the history opens every period without an event: it is the starting point, not a wave of creations.
-- A succession link with economic continuity makes the successor's appearance a transfer (not a creation) and the
-- predecessor's closure in the same month part of it (not a closure).
with periods as (
    select
        *,
        lag(etat_administratif) over by_siret as previous_etat_administratif,
        lag(commune_code) over by_siret as previous_commune_code,
        lag(valid_from) over by_siret is not null as has_previous_period
    from core.establishment_history
    window by_siret as (partition by siret order by valid_from)
),

first_stock as (
    select min(stock_month) as stock_month from core.establishment_stock
),

appearances as (
    select p.*
    from periods p
    cross join first_stock f
    where not p.has_previous_period and p.valid_from > f.stock_month
),

successions as (
    select
        a.siret,
        a.valid_from as month,
        a.commune_code,
        arg_max(p.commune_code, p.valid_from) as previous_commune_code,
        arg_max(p.siret, p.valid_from) as siret_predecessor
    from appearances a
    join core.establishment_succession l on l.siret_successor = a.siret
    join periods p on p.siret = l.siret_predecessor and p.valid_from < a.valid_from
    group by a.siret, a.valid_from, a.commune_code
),

creations as (
    select siret, valid_from as month, 'creation' as event, commune_code, null as previous_commune_code
    from appearances
    where etat_administratif = 'A' and siret not in (select siret from successions)
),

state_changes as (
    select
        siret,
        valid_from as month,
        case when etat_administratif = 'F' then 'closure' else 'reactivation' end as event,
        commune_code,
        previous_commune_code
    from periods p
    where (previous_etat_administratif = 'A' and etat_administratif = 'F'
            or previous_etat_administratif = 'F' and etat_administratif = 'A')
        and not exists (
            select 1 from successions s
            where s.siret_predecessor = p.siret and s.month = p.valid_from and p.etat_administratif = 'F'
        )
),

moves as (
    select siret, valid_from as month, 'transfer' as event, commune_code, previous_commune_code
    from periods
    where has_previous_period and commune_code is distinct from previous_commune_code
),

linked_transfers as (
    select siret, month, 'transfer' as event, commune_code, previous_commune_code
    from successions
),

final as (
    select * from creations
    union all
    select * from state_changes
    union all
    select * from moves
    union all
    select * from linked_transfers
)

select * from final
