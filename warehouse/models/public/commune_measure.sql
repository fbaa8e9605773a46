-- Published as is: aggregates only (register units are counted, never shown).
with source as (
    select * from mart.commune_measure
),

final as (
    select * from source
)

select * from final
