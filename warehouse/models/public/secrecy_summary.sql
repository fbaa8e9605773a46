-- Published as is: counts of cells and sums over whole levels, nothing of any one cell.
with source as (
    select * from mart.secrecy_summary
),

final as (
    select * from source
)

select * from final
