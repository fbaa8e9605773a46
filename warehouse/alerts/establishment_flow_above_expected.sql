-- Creations or closures above their expected range: a rise whose tail (mart.alert_test: negative binomial) is at most
-- 1e-4, observed at least 1.5 times the expected count and at least 10 (mart.alert_test tests nothing smaller).
-- Severity and sentence come with the row (mart.alert_candidate).
with candidates as (
    select * from mart.alert_candidate
),

final as (
    select * from candidates
    where direction = 'rise' and observed >= 10 and ratio >= 1.5 and tail_probability <= 1e-4
)

select * from final
