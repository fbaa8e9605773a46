-- Published: aggregates only (register units are counted, never shown). Statistical secrecy is applied here, once,
-- for every output: a row whose status is secret_primary or secret_secondary keeps its place (it is counted, never
-- omitted) but its value, numerator, denominator, ranks and references are empty (never zero). The true values stay
-- in mart.indicator_value for authorised analysts. The numerator is a sum of counts (establishments, inhabitants,
-- euros): published as an integer, and a fractional one stops the run rather than being rounded.
with source as (
    select * from mart.indicator_value
),

final as (
    select
        indicator_id,
        level,
        territory_code,
        territory_name,
        period,
        dimension,
        dimension_code,
        case
            when secret then null
            when numerator = round(numerator) then cast(numerator as bigint)
            else error('indicator ' || indicator_id || ': numerator ' || numerator || ' is not a whole number')
        end as numerator,
        case when secret then null else denominator end as denominator,
        case when secret then null else value end as value,
        status,
        flag,
        case when secret then null else rank_in_level end as rank_in_level,
        case when secret then null else percentile_in_level end as percentile_in_level,
        territories_in_level,
        case when secret then null else epci_value end as epci_value,
        case when secret then null else departement_value end as departement_value,
        case when secret then null else region_value end as region_value,
        case when secret then null else france_value end as france_value,
        peer_group,
        case when secret then null else peer_median end as peer_median,
        case when secret then null else rank_in_peer_group end as rank_in_peer_group,
        territories_in_peer_group
    from (select *, status like 'secret%' as secret from source)
)

select * from final
