-- Published as is: aggregates only (register units are counted, never shown).
with source as (
    select * from mart.indicator
),

final as (
    select * from source
)

select * from final
