-- Density level (INSEE grille communale de densité) of every commune of the target vintage. A commune that is one
-- whole commune of the grid's vintage keeps the grid's level; a commune made of several (a merger) takes the level
-- holding most of its parts' population (population 2018 × the part's share of population in each level, summed
-- over its parts; the denser level on a tie); a commune split from a commune of the grid takes that commune's level.
with grid as (
    select * from staging.stg_insee__grille_densite
),

vintages as (
    select vintage_used, target_vintage from geography.source_vintage where source = 'insee_grille_densite'
),

target_communes as (
    select distinct code as commune_code
    from geography.cog_commune
    where type = 'commune-actuelle' and vintage = (select target_vintage from vintages)
),

passage as (
    select p.*
    from geography.commune_passage p
    join vintages v on p.vintage_from = v.vintage_used and p.vintage_to = v.target_vintage
),

-- every commune of the grid, carried to the commune(s) of the target vintage its territory now belongs to
parts as (
    select
        p.code_to as commune_code,
        g.commune_code as part_code,
        g.density_level,
        p.weight,
        g.population_municipale_2018 * p.weight as population_2018,
        g.share_dense,
        g.share_intermediaire,
        g.share_peu_dense,
        g.share_tres_peu_dense
    from grid g
    join passage p on p.code_from = g.commune_code
),

by_commune as (
    select
        commune_code,
        count(*) as source_communes,
        string_agg(part_code, ',' order by part_code) as source_codes,
        any_value(density_level) as single_level,
        bool_and(part_code = commune_code) as same_code,
        min(weight) as min_weight
    from parts
    group by commune_code
),

-- population of the parts living in each level, for mergers
level_population as (
    select commune_code, level, sum(population) as population
    from (
        select commune_code, 1 as level, population_2018 * share_dense as population from parts
        union all
        select commune_code, 2, population_2018 * share_intermediaire from parts
        union all
        select commune_code, 3, population_2018 * share_peu_dense from parts
        union all
        select commune_code, 4, population_2018 * share_tres_peu_dense from parts
    )
    group by commune_code, level
),

majority_level as (
    select commune_code, level
    from level_population
    qualify row_number() over (partition by commune_code order by population desc, level) = 1
),

-- a commune of the target vintage that no commune of the grid reaches, but that was a commune déléguée or associée
-- of one in the grid's vintage: restored (split) since, it takes the level of the commune it was split from
split_sources as (
    select c.code as commune_code, c.parent_code as source_code
    from geography.cog_commune c
    where c.vintage = (select vintage_used from vintages)
      and c.type in ('commune-deleguee', 'commune-associee')
      and c.code <> c.parent_code
    qualify row_number() over (partition by c.code order by c.parent_code) = 1
),

final as (
    select
        t.commune_code,
        case
            when b.source_communes = 1 then b.single_level
            when b.source_communes > 1 then m.level
            else g.density_level
        end::integer as density_level,
        case
            when b.source_communes = 1 and b.min_weight = 1 and b.same_code then 'unchanged'
            when b.source_communes = 1 and b.min_weight = 1 then 'code_changed'
            when b.source_communes = 1 then 'split'
            when b.source_communes > 1 then 'merged'
            when g.density_level is not null then 'split'
            else 'missing'
        end as density_method,
        coalesce(b.source_communes, case when g.density_level is not null then 1 else 0 end) as source_communes,
        coalesce(b.source_codes, g.commune_code) as source_codes
    from target_communes t
    left join by_commune b on b.commune_code = t.commune_code
    left join majority_level m on m.commune_code = t.commune_code
    left join split_sources s on b.commune_code is null and s.commune_code = t.commune_code
    left join grid g on g.commune_code = s.source_code
)

select * from final
