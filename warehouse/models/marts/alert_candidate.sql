-- Every test of mart.alert_test in the shape of mart.alert (without the alert's name): severity by the tail (high from
-- 1e-8 down, medium from 1e-6, low otherwise) and the French sentence. The alerts of warehouse/alerts/ only say which
-- rows leave the expected range.
with tests as (
    select * from mart.alert_test
),

final as (
    select
        source,
        level,
        territory_code,
        territory_name,
        naf_section,
        event,
        window_months,
        period_start,
        period_end,
        observed,
        expected,
        ratio,
        direction,
        tail_probability,
        case when tail_probability <= 1e-8 then 'high' when tail_probability <= 1e-6 then 'medium' else 'low' end
            as severity,
        flow_alert_sentence(event, naf_section, window_months, period_start, period_end, level, territory_name,
            observed, expected, ratio) as message
    from tests
)

select * from final
