-- Estimated employees of each active establishment of the stock, from its staff band (trancheEffectifs: the band's
-- midpoint rounded half up to a whole employee, since the public layer publishes numerators as whole numbers; 53
-- "10 000 salariés et plus" counts 10 000), by the firm it belongs to (siren), its commune of the target
-- geography and its NAF rév. 2 section and division. An employment figure: statistical secrecy protects it
-- (warehouse/secrecy.yaml), each firm being one unit. Establishments without a band (NN, empty) or with none employed
-- (00) contribute nothing and have no row.
with establishments as (
    select siren, commune_code, activite_principale, tranche_effectifs
    from core.establishment
    where is_active and commune_code is not null and not is_foreign and nomenclature_activite = 'NAFRev2'
),

period as (
    select * from mart.register_period
),

banded as (
    select
        siren,
        commune_code,
        naf_rev2_section(left(activite_principale, 2)) as naf_section,
        left(activite_principale, 2) as naf_division,
        case tranche_effectifs
            when '01' then 2.0 when '02' then 4.0 when '03' then 8.0 when '11' then 15.0 when '12' then 35.0
            when '21' then 75.0 when '22' then 150.0 when '31' then 225.0 when '32' then 375.0 when '41' then 750.0
            when '42' then 1500.0 when '51' then 3500.0 when '52' then 7500.0 when '53' then 10000.0
        end as employees
    from establishments
),

final as (
    select siren as unit_id, commune_code, p.stock_year as period, naf_section, naf_division, employees
    from banded
    cross join period p
    where employees is not null and naf_section is not null
)

select * from final
