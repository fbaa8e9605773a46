-- COG communes in INSEE's layout before 2019 (France2017.txt). ACTUAL: 1 commune, 2 commune associée, 3 commune
-- périmée, 4 former code after a change of département, 5 arrondissement municipal, 6 commune déléguée,
-- 9 fraction cantonale (a second row of a commune split between cantons, not a commune: kept, not used).
-- The code is DEP || COM (971 + 01 overseas); POLE is the commune a non-current code belongs to.
with source as (
    select * from raw.cog_commune_historical
),

renamed as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        ACTUAL as actual,
        DEP || COM as code,
        REG as region,
        DEP as departement,
        nullif(POLE, '') as parent_code,
        trim(case when ARTMIN is null or ARTMIN = '' then NCCENR
                  when right(trim(ARTMIN, '()'), 1) = '''' then trim(ARTMIN, '()') || NCCENR
                  else trim(ARTMIN, '()') || ' ' || NCCENR end) as nom
    from source
),

final as (
    select
        *,
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when actual is null or actual not in ('1', '2', '3', '4', '5', '6', '9')
                then {'rule': 'allowed_values', 'column_name': 'ACTUAL', 'value': actual,
                      'message': 'ACTUAL is 1, 2, 3, 4, 5, 6 or 9'}
            when code is null or not commune_code_is_valid(code)
                then {'rule': 'pattern', 'column_name': 'COM', 'value': code,
                      'message': 'DEP and COM must make a 5-character commune code'}
            when actual in ('2', '3', '4', '5', '6') and parent_code is null
                then {'rule': 'required', 'column_name': 'POLE', 'value': null,
                      'message': 'a code that is not a current commune needs its commune (POLE)'}
        end as reject
    from renamed
)

select * from final
