-- COG communes in INSEE's CSV layout. A file saved by a spreadsheet loses the leading zeros of its codes
-- (COM 1001, DEP 1, ARR 12): a 4-digit commune code can only be a code of départements 01 to 09, so it is restored
-- (01001) and the row is flagged; the geography step reports the repair as a warning.
with source as (
    select * from raw.cog_commune_insee
),

renamed as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        TYPECOM as type_code,
        COM as code_as_published,
        case when regexp_full_match(COM, '[0-9]{4}') then '0' || COM else COM end as code,
        REG as region,
        case when regexp_full_match(DEP, '[0-9]') then '0' || DEP else DEP end as departement,
        LIBELLE as nom,
        case when regexp_full_match(COMPARENT, '[0-9]{4}') then '0' || COMPARENT else COMPARENT end as parent_code,
        regexp_full_match(COM, '[0-9]{4}') or regexp_full_match(DEP, '[0-9]')
            or regexp_full_match(COMPARENT, '[0-9]{4}') as leading_zeros_restored
    from source
),

final as (
    select
        *,
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when code is null or not commune_code_is_valid(code)
                then {'rule': 'pattern', 'column_name': 'COM', 'value': code_as_published,
                      'message': 'a commune code is 5 characters'}
            when type_code is null or type_code not in ('COM', 'COMD', 'COMA', 'ARM')
                then {'rule': 'allowed_values', 'column_name': 'TYPECOM', 'value': type_code,
                      'message': 'TYPECOM is COM, COMD, COMA or ARM'}
            when type_code <> 'COM' and parent_code is null
                then {'rule': 'required', 'column_name': 'COMPARENT', 'value': null,
                      'message': 'an arrondissement, commune déléguée or associée needs its commune (COMPARENT)'}
            when type_code = 'COM' and (departement is null or region is null)
                then {'rule': 'required', 'column_name': 'DEP', 'value': departement,
                      'message': 'a commune needs its département and région'}
        end as reject
    from renamed
)

select * from final
