-- Published: the alerts of the run (mart.alert), counts of establishments by territory only (the register's counts are
-- public: secrecy class none; they count what public.establishment publishes, 'P' units included, never named).
with alerts as (
    select * from mart.alert
),

final as (
    select
        alert,
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
        severity,
        message
    from alerts
)

select * from final
