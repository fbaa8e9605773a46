-- Published: aggregates only (register units are counted, never shown). Texts lose the line break a folded YAML
-- block leaves at their end; the scale (1, 100, 1000) is a whole number.
with source as (
    select * from mart.indicator
),

final as (
    select
        * replace (
            rtrim(description, chr(10) || ' ') as description,
            rtrim(label, chr(10) || ' ') as label,
            case
                when scale = round(scale) then cast(scale as bigint)
                else error('indicator ' || indicator_id || ': scale ' || scale || ' is not a whole number')
            end as scale
        )
    from source
)

select * from final
