-- PLACEHOLDER until the grille de densité lands: size class only.
with membership as (
    select * from core.territory_membership where level in ('commune', 'epci', 'departement', 'region')
),
tp as (
    select m.level, m.territory_code, sum(p.population_municipale)::bigint as population_municipale
    from membership m left join core.population p on p.commune_code = m.commune_code
    group by all
)
select level, territory_code, null::integer as density_level, null::varchar as density_label,
       case when population_municipale is null then 'inconnue' when population_municipale < 5000 then 'small' else 'large' end as size_class,
       level || '|' || size_class as peer_group, population_municipale
from tp
