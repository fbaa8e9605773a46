-- Every series of mart.establishment_flow_monthly tested over its last 1 and 3 complete months: the count observed,
-- the count expected from the territory's own past, and the Poisson tail of the observation. The alerts of
-- warehouse/alerts/ keep the rows that leave the expected range. docs/alerts.md gives the method.
--
-- Expected count of the window (w months ending at the last complete month):
--   the count of the 12 months before the window (trailing_0, the level now, so the trend)
--   × the share the same w months took of their 12 months before, in the previous 3 years (the season, same months
--     of previous years), pulled towards the country's share by prior_events:
--     (window_1 + window_2 + window_3 + prior_events × national_share) / (trailing_1 + trailing_2 + trailing_3 + prior_events)
--     so that a territory with few past events does not read a season into noise.
-- The expected count is itself estimated from counts: its relative variance is, to first order (delta method, counts
-- taken as Poisson), 1/trailing_0 + 1/(past windows + prior) + 1/(past trailing + prior). A Poisson
-- whose mean carries that uncertainty (a gamma of that relative variance) is a negative binomial of size r = 1 / that
-- variance: the tail is the negative binomial's (negative_binomial_upper_tail, _lower_tail), close to the Poisson's for
-- territories with a long, busy past, wider for the others (docs/alerts.md shows the Poisson tail alone raised false
-- alerts on a stock without any).
-- A series is tested when its past holds events (trailing_1..3 not all 0), its source covers the 12 w-month windows
-- read (w + 47 months back) and the observed or expected count reaches min_count: small numbers raise nothing.
with flows as (
    select * from mart.establishment_flow_monthly
),

settings as (
    select
        10 as min_count,    -- neither observed nor expected reaching it: not tested
        100 as prior_events, -- weight of the national season, in events of the 12 months before the past windows
        3 as past_years     -- previous years of the season (window_1 .. window_3 below)
),

windows as (
    select unnest([1, 3]) as window_months
),

sums as (
    select
        f.source,
        f.level,
        f.territory_code,
        f.naf_section,
        f.event,
        w.window_months,
        any_value(f.last_month) as last_month,
        min(f.covered_months_back) as covered_months_back,
        coalesce(sum(f.establishments) filter (where f.months_back < w.window_months), 0) as observed,
        coalesce(sum(f.establishments) filter (
            where f.months_back between w.window_months and w.window_months + 11), 0) as trailing_0,
        coalesce(sum(f.establishments) filter (
            where f.months_back between 12 and 12 + w.window_months - 1), 0) as window_1,
        coalesce(sum(f.establishments) filter (
            where f.months_back between 12 + w.window_months and 12 + w.window_months + 11), 0) as trailing_1,
        coalesce(sum(f.establishments) filter (
            where f.months_back between 24 and 24 + w.window_months - 1), 0) as window_2,
        coalesce(sum(f.establishments) filter (
            where f.months_back between 24 + w.window_months and 24 + w.window_months + 11), 0) as trailing_2,
        coalesce(sum(f.establishments) filter (
            where f.months_back between 36 and 36 + w.window_months - 1), 0) as window_3,
        coalesce(sum(f.establishments) filter (
            where f.months_back between 36 + w.window_months and 36 + w.window_months + 11), 0) as trailing_3
    from flows f
    cross join windows w
    group by all
),

-- the season of the whole country (the sum of the régions), towards which a territory's own season is pulled when its
-- past holds few events
national as (
    select
        source,
        naf_section,
        event,
        window_months,
        sum(window_1 + window_2 + window_3) / nullif(sum(trailing_1 + trailing_2 + trailing_3), 0) as national_share
    from sums
    where level = 'region'
    group by all
),

seasoned as (
    select
        s.*,
        (s.window_1 + s.window_2 + s.window_3 + p.prior_events * coalesce(n.national_share, s.window_months / 12))
            / (s.trailing_1 + s.trailing_2 + s.trailing_3 + p.prior_events) as share,
        s.window_1 + s.window_2 + s.window_3
            + p.prior_events * coalesce(n.national_share, s.window_months / 12) as past_windows_pulled,
        s.trailing_1 + s.trailing_2 + s.trailing_3 + p.prior_events as past_trailing_pulled
    from sums s
    cross join settings p
    left join national n using (source, naf_section, event, window_months)
),

expected as (
    select
        *,
        trailing_0 * share as expected,
        1.0 / (1.0 / trailing_0 + 1.0 / past_windows_pulled + 1.0 / past_trailing_pulled) as size
    from seasoned
    where trailing_1 + trailing_2 + trailing_3 > 0
      and covered_months_back >= window_months + 47
),

tested as (
    select
        e.*,
        case when e.observed >= e.expected then 'rise' else 'fall' end as direction
    from expected e
    cross join settings s
    where e.expected > 0 and (e.observed >= s.min_count or e.expected >= s.min_count)
),

final as (
    select
        t.source,
        t.level,
        t.territory_code,
        coalesce(tr.name, t.territory_code) as territory_name,
        t.naf_section,
        t.event,
        t.window_months,
        (t.last_month - to_months(t.window_months - 1))::date as period_start,
        t.last_month as period_end,
        t.observed,
        round(t.expected, 3) as expected,
        round(t.observed / t.expected, 3) as ratio,
        t.direction,
        round(t.size, 3) as size,
        case when t.direction = 'rise' then negative_binomial_upper_tail(t.observed, t.expected, t.size)
             else negative_binomial_lower_tail(t.observed, t.expected, t.size) end as tail_probability,
        case when t.direction = 'rise' then poisson_upper_tail(t.observed, t.expected)
             else poisson_lower_tail(t.observed, t.expected) end as poisson_tail_probability,
        t.trailing_0,
        t.window_1 + t.window_2 + t.window_3 as past_windows,
        t.trailing_1 + t.trailing_2 + t.trailing_3 as past_trailing
    from tested t
    left join core.territory tr on tr.level = t.level and tr.code = t.territory_code
)

select * from final
