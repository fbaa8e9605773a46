with source as (
    select * from raw.cog_departement
),

final as (
    select
        _file,
        _record,
        nullif(regexp_extract(_file, '(^|/)cog-([0-9]{4})/', 2), '') as vintage,
        code,
        nom,
        region,
        case
            when vintage is null
                then {'rule': 'vintage', 'column_name': '_file', 'value': _file,
                      'message': 'a COG file must be in a folder cog-YYYY/ naming its vintage'}
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
