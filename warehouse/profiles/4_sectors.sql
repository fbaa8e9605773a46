-- What each territory is strong at: the NAF sections and divisions with the highest location quotients (latest
-- period, status ok), five of each, with the territory's establishments in the code (the quotient's numerator).
with rows as (
    select * from release.indicator_values_commune
    union all by name select * from release.indicator_values_epci
    union all by name select * from release.indicator_values_departement
    union all by name select * from release.indicator_values_region
),

quotients as (
    select level, territory_code, indicator_id, period, dimension_code, value, numerator, flag,
        case indicator_id when 'naf_section_location_quotient' then 'section' else 'division' end as kind,
        max(period) over (partition by indicator_id, level, territory_code) as latest
    from rows
    where indicator_id in ('naf_section_location_quotient', 'naf_division_location_quotient') and status = 'ok'
),

ranked as (
    select *, row_number() over (partition by level, territory_code, kind
        order by value desc, dimension_code) as position
    from quotients
    where period = latest
)

select level, territory_code,
    to_json(list({'kind': kind, 'code': dimension_code, 'quotient': value, 'establishments': numerator,
        'fragile': flag is not null} order by kind desc, position)) as data
from ranked
where position <= 5
group by level, territory_code
