-- Establishment events counted by month, commune and event.
with events as (
    select * from mart.establishment_event
),

final as (
    select
        month,
        commune_code,
        event,
        count(*) as establishments
    from events
    group by month, commune_code, event
)

select * from final
