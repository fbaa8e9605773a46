-- EPCI à fiscalité propre with the codes of their member communes.
with source as (
    select * from raw.cog_epci
),

renamed as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        code,
        nom,
        type,
        list_transform(coalesce(from_json(membres, '[{"code": "VARCHAR"}]'), []), lambda m: m.code) as membres
    from source
),

final as (
    select
        *,
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when code is null or not regexp_full_match(code, '[0-9]{9}')
                then {'rule': 'pattern', 'column_name': 'code', 'value': code,
                      'message': 'an EPCI code is its 9-digit SIREN'}
            when len(membres) = 0
                then {'rule': 'required', 'column_name': 'membres', 'value': null,
                      'message': 'an EPCI has member communes'}
        end as reject
    from renamed
)

select * from final
