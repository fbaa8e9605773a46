-- Published as is: aggregates only (territories compared on their indicators, no register unit in it). Its columns
-- follow warehouse/peers.yaml (one contribution column per feature), hence the star.
with source as (
    select * from mart.territory_peer
),

final as (
    select * from source
)

select * from final
