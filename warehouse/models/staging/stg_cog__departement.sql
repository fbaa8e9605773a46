with source as (
    select * from raw.cog_departement
),

final as (
    select
        _file,
        _record,
        code,
        nom,
        region,
        case
            when code is null or not regexp_full_match(code, '[0-9]{2}|2[AB]|97[0-9]|98[0-9]')
                then {'rule': 'pattern', 'column_name': 'code', 'value': code,
                      'message': 'a département code is 2 characters (3 overseas)'}
            when region is null
                then {'rule': 'required', 'column_name': 'region', 'value': null,
                      'message': 'a département needs its région'}
        end as reject
    from source
)

select * from final
