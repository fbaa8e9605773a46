-- Change events of the communes in INSEE's current layout (v_mvt_commune): one row per (event, code before,
-- code after); AV = before the event, AP = after.
with source as (
    select * from raw.cog_event
),

renamed as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        MOD as event_type,
        try_cast(DATE_EFF as date) as effective_date,
        DATE_EFF as effective_date_text,
        TYPECOM_AV as type_before,
        COM_AV as code_before,
        LIBELLE_AV as name_before,
        TYPECOM_AP as type_after,
        COM_AP as code_after,
        LIBELLE_AP as name_after
    from source
),

final as (
    select
        * exclude (effective_date_text),
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when effective_date is null
                then {'rule': 'date', 'column_name': 'DATE_EFF', 'value': effective_date_text,
                      'message': 'DATE_EFF is a date YYYY-MM-DD'}
            when event_type is null or not regexp_full_match(event_type, '[0-9]{2}')
                then {'rule': 'pattern', 'column_name': 'MOD', 'value': event_type,
                      'message': 'MOD is a 2-digit event code'}
            when not commune_code_is_valid(coalesce(code_before, ''))
                then {'rule': 'pattern', 'column_name': 'COM_AV', 'value': code_before,
                      'message': 'a commune code is 5 characters'}
            when not commune_code_is_valid(coalesce(code_after, ''))
                then {'rule': 'pattern', 'column_name': 'COM_AP', 'value': code_after,
                      'message': 'a commune code is 5 characters'}
        end as reject
    from renamed
)

select * from final
