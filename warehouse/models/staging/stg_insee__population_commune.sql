-- INSEE populations de référence by commune. The workbook splits the commune code into the département code and a
-- 3-character commune number; overseas, the département code has 3 characters and the number repeats its last one
-- (971 + 102 = 97102), so the code is always the département's first 2 characters + the 3-character number.
with source as (
    select * from raw.insee_population_commune
),

renamed as (
    select
        _file,
        _record,
        "Code région" as region_code,
        "Code département" as departement_code,
        "Code commune" as commune_number,
        case when length("Code commune") = 3 then left("Code département", 2) || "Code commune"
             else "Code département" || "Code commune" end as commune_code,
        "Nom de la commune" as commune_name,
        -- the edition is named by its reference year, as INSEE names the workbook: populations_reference_2022,
        -- populations_legales_2019 for the editions before "populations de référence"
        try_cast(regexp_extract(_file, 'populations_(reference|legales)_([0-9]{4})', 2) as integer) as period,
        "Population municipale" as population_municipale_text,
        try_cast("Population municipale" as bigint) as population_municipale,
        try_cast("Population comptée à part" as bigint) as population_comptee_a_part,
        try_cast("Population totale" as bigint) as population_totale
    from source
),

final as (
    select
        * exclude (population_municipale_text),
        case
            when departement_code is null or commune_number is null
                then {'rule': 'required', 'column_name': 'Code commune', 'value': commune_number,
                      'message': 'département code and commune number are required'}
            when not commune_code_is_valid(commune_code)
                then {'rule': 'pattern', 'column_name': 'Code commune', 'value': commune_code,
                      'message': 'département code + commune number must make a 5-character commune code'}
            when period is null
                then {'rule': 'edition', 'column_name': 'Code commune', 'value': _file,
                      'message': 'the file name must give the edition''s reference year, as INSEE names it: '
                                 || '..._populations_reference_YYYY.xlsx or ..._populations_legales_YYYY.xlsx'}
            when population_municipale is null or population_municipale < 0
                then {'rule': 'integer', 'column_name': 'Population municipale', 'value': population_municipale_text,
                      'message': 'population municipale must be a non-negative whole number'}
        end as reject
    from renamed
)

select * from final
