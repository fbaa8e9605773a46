-- Active establishments of the stock by NAF rév. 2 section (A to U) of their main activity, per commune of the target
-- geography. Codes of older nomenclatures (NAFRev1, NAF 1993, NAP) are not converted and not counted.
with establishments as (
    select commune_code, activite_principale
    from core.establishment
    where is_active and commune_code is not null and not is_foreign and nomenclature_activite = 'NAFRev2'
),

period as (
    select * from mart.register_period
),

final as (
    select commune_code, p.stock_year as period, naf_rev2_section(left(activite_principale, 2)) as dimension_code,
           count(*) as establishments_naf_section
    from establishments
    cross join period p
    where naf_rev2_section(left(activite_principale, 2)) is not null
    group by all
)

select * from final
