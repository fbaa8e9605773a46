-- Communes of every loaded COG vintage in one shape, whatever the layout of the file (JSON, INSEE CSV, INSEE before
-- 2019). Former codes become rows of type ancien-code pointing at the commune that absorbed them. When two layouts
-- give the same vintage, the JSON wins, then the INSEE CSV.
with json_layout as (
    select
        vintage, code, type, nom, departement, region,
        case when type = 'arrondissement-municipal' then commune_parent else chef_lieu end as parent_code,
        population, 'json' as layout, 1 as layout_rank
    from staging.stg_cog__commune
),

json_former_codes as (
    select
        vintage, unnest(anciens_codes) as code, 'ancien-code' as type, null as nom, departement, region,
        code as parent_code, null::bigint as population, 'json' as layout, 1 as layout_rank
    from staging.stg_cog__commune
    where type = 'commune-actuelle'
),

insee_layout as (
    select
        vintage, code,
        case type_code
            when 'COM' then 'commune-actuelle'
            when 'COMD' then 'commune-deleguee'
            when 'COMA' then 'commune-associee'
            else 'arrondissement-municipal'
        end as type,
        nom, departement, region, parent_code, null::bigint as population, 'insee_csv' as layout, 2 as layout_rank
    from staging.stg_cog__commune_insee
),

historical_layout as (
    select
        vintage, code,
        case actual
            when '1' then 'commune-actuelle'
            when '2' then 'commune-associee'
            when '5' then 'arrondissement-municipal'
            when '6' then 'commune-deleguee'
            else 'ancien-code'
        end as type,
        nom, departement, region, parent_code, null::bigint as population, 'insee_before_2019' as layout,
        3 as layout_rank
    from staging.stg_cog__commune_historical
    where actual <> '9'
),

renamed as (
    select * from json_layout
    union all by name
    select * from json_former_codes
    union all by name
    select * from insee_layout
    union all by name
    select * from historical_layout
),

final as (
    select * exclude (layout_rank)
    from renamed
    qualify layout_rank = min(layout_rank) over (partition by vintage)
)

select * from final
