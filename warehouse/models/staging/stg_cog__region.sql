with source as (
    select * from raw.cog_region
),

final as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        code,
        nom,
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when code is null or not regexp_full_match(code, '[0-9]{2,3}')
                then {'rule': 'pattern', 'column_name': 'code', 'value': code,
                      'message': 'a région code is 2 digits'}
        end as reject
    from source
)

select * from final
