-- Passage table from any commune code a source may hold to a commune of the target COG vintage, built from what
-- the target vintage records itself: arrondissements municipaux → their commune, former codes → the commune that
-- absorbed them, communes déléguées and associées → their chef-lieu. Every link carries weight 1 (merges sum).
with communes as (
    select * from staging.stg_cog__commune
),

current_communes as (
    select code from communes where type = 'commune-actuelle'
),

candidates as (
    select code as code_from, code as code_to, 'identity' as method, 1 as priority
    from communes where type = 'commune-actuelle'
    union all
    select code, commune_parent, 'arrondissement_municipal', 2
    from communes where type = 'arrondissement-municipal'
    union all
    select unnest(anciens_codes), code, 'former_code', 3
    from communes where type = 'commune-actuelle'
    union all
    select code, chef_lieu, replace(type, '-', '_'), 4
    from communes where type in ('commune-deleguee', 'commune-associee')
),

ranked as (
    select
        *,
        row_number() over (partition by code_from order by priority, code_to) as choice,
        count(*) over (partition by code_from, priority) as targets
    from candidates
    where code_to in (select code from current_communes)
),

final as (
    select code_from, code_to, method, 1.0 as weight, targets > 1 as ambiguous
    from ranked
    where choice = 1
)

select * from final
