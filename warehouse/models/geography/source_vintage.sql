-- The COG vintage of each source's commune codes: the vintage its mapping declares when that vintage is loaded,
-- otherwise the one detected from its codes (the loaded vintage whose communes and arrondissements hold the largest
-- share of the source's rows; the newest on a tie). Detection is always computed and reported.
with source_codes as (
    select 'sirene_etablissement' as source, code_commune as code
    from staging.stg_sirene__etablissement
    where code_commune is not null
    union all
    select 'insee_population_commune', commune_code
    from staging.stg_insee__population_commune
),

declared as (
    select source, any_value(vintage) as declared_vintage
    from meta.input_file
    group by source
),

codes as (
    select source, code, count(*) as rows from source_codes group by source, code
),

known as (
    select distinct vintage, code
    from geography.cog_commune
    where type in ('commune-actuelle', 'arrondissement-municipal')
),

matches as (
    select c.source, v.vintage, sum(c.rows) filter (where k.code is not null) / sum(c.rows) as share
    from codes c
    cross join geography.vintage v
    left join known k on k.vintage = v.vintage and k.code = c.code
    group by c.source, v.vintage
),

detected as (
    select source, vintage as detected_vintage, coalesce(share, 0) as detected_share
    from matches
    qualify row_number() over (partition by source order by coalesce(share, 0) desc, vintage desc) = 1
),

final as (
    select
        d.source,
        s.declared_vintage,
        d.detected_vintage,
        round(d.detected_share, 6) as detected_share,
        case when s.declared_vintage in (select vintage from geography.vintage) then s.declared_vintage
             else d.detected_vintage end as vintage_used,
        case
            when s.declared_vintage in (select vintage from geography.vintage) then 'declared'
            when s.declared_vintage is null then 'detected (no vintage declared)'
            else 'detected (declared vintage ' || s.declared_vintage || ' is not loaded)'
        end as chosen_by,
        (select vintage from geography.vintage where is_target) as target_vintage
    from detected d
    left join declared s on s.source = d.source
)

select * from final order by source
