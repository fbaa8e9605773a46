-- Creations or closures above their expected range: a rise whose tail (mart.alert_test: negative binomial) is at most 1e-4, observed at least 1.5
-- times the expected count and at least 10 (mart.alert_test tests nothing smaller). Severity by the tail: high from
-- 1e-8 down, medium from 1e-6, low otherwise.
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
    where direction = 'rise' and observed >= 10 and ratio >= 1.5 and tail_probability <= 1e-4
)

select * from final
