-- Turnover of a cluster's members, one row per member establishment that gave it, with its firm (siren), commune of
-- the target geography (harmonised from the code the partner wrote) and the cluster's own filière. A business figure:
-- published only summed by territory and filière, under statistical secrecy (warehouse/secrecy.yaml). A member whose
-- commune code maps to no commune of the target vintage is counted in geography.unmapped_commune_code, not here.
with members as (
    select * from geography.partner_members__harmonised
),

period as (
    select * from mart.register_period
),

final as (
    select
        left(m.siret, 9) as unit_id,
        m.target_commune_code as commune_code,
        p.stock_year as period,
        m.filiere,
        m.turnover as partner_turnover
    from members m
    cross join period p
    where m.turnover is not null and m.target_commune_code is not null
)

select * from final
