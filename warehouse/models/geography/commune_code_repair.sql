-- COG files whose codes had lost their leading zeros (a spreadsheet round-trip), detected and repaired in staging.
with repaired as (
    select _file as file, vintage, count(*) filter (where leading_zeros_restored) as rows_repaired, count(*) as rows,
           any_value(code_as_published || ' → ' || code) filter (where leading_zeros_restored) as example
    from staging.stg_cog__commune_insee
    group by _file, vintage
),

final as (
    select * from repaired where rows_repaired > 0
)

select * from final order by file
