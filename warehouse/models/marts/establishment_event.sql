-- Events of the register's establishments, from the transitions between their validity periods. The first stock
-- taken into the history opens every period without an event: it is the starting point, not a wave of creations.
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

transitions as (
    select
        p.siret,
        p.valid_from as month,
        p.commune_code,
        p.previous_commune_code,
        case
            when not p.has_previous_period and p.valid_from > f.stock_month and p.etat_administratif = 'A'
                then ['creation']
            else []
        end
        || case when p.previous_etat_administratif = 'A' and p.etat_administratif = 'F' then ['closure'] else [] end
        || case
            when p.previous_etat_administratif = 'F' and p.etat_administratif = 'A' then ['reactivation']
            else []
        end
        || case
            when p.has_previous_period and p.commune_code is distinct from p.previous_commune_code then ['transfer']
            else []
        end as events
    from periods p
    cross join first_stock f
),

final as (
    select
        siret,
        month,
        unnest(events) as event,
        commune_code,
        previous_commune_code
    from transitions
)

select * from final
