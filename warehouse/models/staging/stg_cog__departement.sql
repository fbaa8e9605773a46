with source as (
    select * from raw.cog_departement
),

final as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        code,
        nom,
        region,
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when code is null or not departement_code_is_valid(code, with_98x := true)
                then {'rule': 'pattern', 'column_name': 'code', 'value': code,
                      'message': 'a département code is 2 characters (3 overseas)'}
            when region is null
                then {'rule': 'required', 'column_name': 'region', 'value': null,
                      'message': 'a département needs its région'}
        end as reject
    from source
)

select * from final
