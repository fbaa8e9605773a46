-- Published as is: aggregates only (register units are counted, never shown).
with source as (
    select * from core.territory
),

final as (
    select * from source
)

select * from final
