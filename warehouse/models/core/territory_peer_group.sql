-- Official peer groups ("territoires comme moi") of communes, EPCI, départements and régions: density level of the
-- grille communale de densité × population size class for communes and EPCI, size class alone for départements and
-- régions. France has no peers and no row.
with territories as (
    select level, code as territory_code from core.territory where level in ('commune', 'epci', 'departement', 'region')
),

membership as (
    select * from core.territory_membership where level in ('commune', 'epci', 'departement', 'region')
),

population as (
    select commune_code, population_municipale from core.population
),

density as (
    select commune_code, density_level from geography.commune_density
),

territory_population as (
    select m.level, m.territory_code, sum(p.population_municipale)::bigint as population_municipale
    from membership m
    join population p on p.commune_code = m.commune_code
    group by m.level, m.territory_code
),

-- an EPCI takes the density level holding most of its member communes' population (the denser level on a tie)
epci_density as (
    select m.territory_code, d.density_level
    from membership m
    join density d on d.commune_code = m.commune_code
    left join population p on p.commune_code = m.commune_code
    where m.level = 'epci' and d.density_level is not null
    group by m.territory_code, d.density_level
    qualify row_number() over (
        partition by m.territory_code order by coalesce(sum(p.population_municipale), 0) desc, d.density_level
    ) = 1
),

levels as (
    select
        t.level,
        t.territory_code,
        case t.level
            when 'commune' then d.density_level
            when 'epci' then e.density_level
        end::integer as density_level,
        tp.population_municipale
    from territories t
    left join territory_population tp on tp.level = t.level and tp.territory_code = t.territory_code
    left join density d on t.level = 'commune' and d.commune_code = t.territory_code
    left join epci_density e on t.level = 'epci' and e.territory_code = t.territory_code
),

classed as (
    select
        *,
        case
            when population_municipale is null then 'inconnue'
            when level = 'commune' then case
                when population_municipale < 500 then '0-499'
                when population_municipale < 2000 then '500-1999'
                when population_municipale < 5000 then '2000-4999'
                when population_municipale < 20000 then '5000-19999'
                when population_municipale < 50000 then '20000-49999'
                else '50000+' end
            when level = 'epci' then case
                when population_municipale < 20000 then '0-19999'
                when population_municipale < 50000 then '20000-49999'
                when population_municipale < 100000 then '50000-99999'
                when population_municipale < 300000 then '100000-299999'
                else '300000+' end
            else case
                when population_municipale < 250000 then '0-249999'
                when population_municipale < 500000 then '250000-499999'
                when population_municipale < 1000000 then '500000-999999'
                when population_municipale < 3000000 then '1000000-2999999'
                else '3000000+' end
        end as size_class
    from levels
),

final as (
    select
        level,
        territory_code,
        density_level,
        case density_level
            when 1 then 'dense'
            when 2 then 'intermédiaire'
            when 3 then 'peu dense'
            when 4 then 'très peu dense'
        end as density_label,
        size_class,
        case
            when level in ('commune', 'epci')
                then level || '|' || coalesce(density_level::varchar, 'inconnue') || '|' || size_class
            else level || '|' || size_class
        end as peer_group,
        population_municipale
    from classed
)

select * from final
