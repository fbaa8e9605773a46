-- Creations or closures below their expected range: a fall whose tail (mart.alert_test: negative binomial) is at most
-- 1e-4, with at least 10 expected and at most half of them observed. Severity and sentence come with the row
-- (mart.alert_candidate).
with candidates as (
    select * from mart.alert_candidate
),

final as (
    select * from candidates
    where direction = 'fall' and expected >= 10 and ratio <= 0.5 and tail_probability <= 1e-4
)

select * from final
