with source as (
    select * from raw.cog_region
),

final as (
    select
        _file,
        _record,
        nullif(regexp_extract(_file, '(^|/)cog-([0-9]{4})/', 2), '') as vintage,
        code,
        nom,
        case
            when vintage is null
                then {'rule': 'vintage', 'column_name': '_file', 'value': _file,
                      'message': 'a COG file must be in a folder cog-YYYY/ naming its vintage'}
            when code is null or not regexp_full_match(code, '[0-9]{2,3}')
                then {'rule': 'pattern', 'column_name': 'code', 'value': code,
                      'message': 'a région code is 2 digits'}
        end as reject
    from source
)

select * from final
