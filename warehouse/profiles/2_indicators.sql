-- The key indicators of each territory, latest period with a row, total (_T) only: value, rank, percentile, parent,
-- France and peer-group median as published (a secret row has none of them, only its status). Labels and units are
-- the page's (from the indicators dataset), values are already rounded to their decimals.
with key_indicators (indicator_id, position) as (
    values ('population_municipale', 1), ('population_change', 2), ('active_establishments', 3),
        ('establishment_density', 4), ('creation_rate', 5), ('closure_rate', 6), ('survival_3y', 7),
        ('employer_share', 8), ('partner_turnover', 9)
),

rows as (
    select indicator_id, level, territory_code, period, dimension_code, value, status, rank_in_level,
        percentile_in_level, territories_in_level, epci_value, departement_value, region_value, france_value,
        peer_median
    from release.indicator_values_commune
    union all by name select indicator_id, level, territory_code, period, dimension_code, value, status, rank_in_level,
        percentile_in_level, territories_in_level, epci_value, departement_value, region_value, france_value,
        peer_median
    from release.indicator_values_epci
    union all by name select indicator_id, level, territory_code, period, dimension_code, value, status, rank_in_level,
        percentile_in_level, territories_in_level, epci_value, departement_value, region_value, france_value,
        peer_median
    from release.indicator_values_departement
    union all by name select indicator_id, level, territory_code, period, dimension_code, value, status, rank_in_level,
        percentile_in_level, territories_in_level, epci_value, departement_value, region_value, france_value,
        peer_median
    from release.indicator_values_region
),

latest as (
    select r.*, k.position
    from rows r
    join key_indicators k using (indicator_id)
    where r.dimension_code = '_T'
        and r.indicator_id in ('population_municipale', 'population_change', 'active_establishments',
            'establishment_density', 'creation_rate', 'closure_rate', 'survival_3y', 'employer_share',
            'partner_turnover')
    qualify row_number() over (partition by r.indicator_id, r.level, r.territory_code order by r.period desc) = 1
)

select l.level, l.territory_code,
    to_json(list({
        'id': l.indicator_id, 'period': cast(l.period as varchar),
        'value': l.value, 'status': l.status, 'rank': l.rank_in_level, 'percentile': l.percentile_in_level,
        'of': l.territories_in_level,
        'parent': case l.level when 'commune' then l.epci_value when 'epci' then l.departement_value
            when 'departement' then l.region_value end,
        'france': l.france_value, 'peer_median': l.peer_median
    } order by l.position)) as data
from latest l
group by l.level, l.territory_code
