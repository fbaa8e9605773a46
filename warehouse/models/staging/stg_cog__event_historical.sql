-- Change events in INSEE's layout before 2019 (historiq2017.txt): the commune DEP || COM, its event MOD (3 digits,
-- e.g. 100 name change, 310-350 mergers), the effective date EFF (DD-MM-YYYY) and the other commune COMECH.
with source as (
    select * from raw.cog_event_historical
),

renamed as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        DEP || COM as code,
        MOD as event_type,
        try_strptime(EFF, '%d-%m-%Y')::date as effective_date,
        EFF as effective_date_text,
        nullif(COMECH, '') as code_exchanged,
        nullif(DEPANC, '') as former_departement,
        NCCOFF as nom
    from source
),

final as (
    select
        * exclude (effective_date_text),
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when code is null or not commune_code_is_valid(code)
                then {'rule': 'pattern', 'column_name': 'COM', 'value': code,
                      'message': 'DEP and COM must make a 5-character commune code'}
            when effective_date is null
                then {'rule': 'date', 'column_name': 'EFF', 'value': effective_date_text,
                      'message': 'EFF is a date DD-MM-YYYY'}
            when event_type is null or not regexp_full_match(event_type, '[0-9]{3}')
                then {'rule': 'pattern', 'column_name': 'MOD', 'value': event_type,
                      'message': 'MOD is a 3-digit event code in this layout'}
        end as reject
    from renamed
)

select * from final
