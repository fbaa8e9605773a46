-- Passage tables between every two loaded vintages (from ≤ to), built from what the later vintage records itself:
-- its communes (identity), arrondissements municipaux → their commune, former codes → the commune that absorbed
-- them, communes déléguées and associées → their commune. Links to a code that is not a commune of the later
-- vintage are followed (code changes in chains). Merges sum their parts (weight 1); a code claimed by several
-- communes is divided in proportion to their population (split_by_population), equally when it is unknown.
with recursive communes as (
    select * from geography.cog_commune
),

current_communes as (
    select vintage, code, population from communes where type = 'commune-actuelle'
),

candidates as (
    select vintage, code as code_from, code as code_to, 'identity' as method, 1 as priority
    from communes where type = 'commune-actuelle'
    union all
    select vintage, code, parent_code, 'arrondissement_municipal', 2
    from communes where type = 'arrondissement-municipal'
    union all
    select vintage, code, parent_code, 'former_code', 3
    from communes where type = 'ancien-code'
    union all
    select vintage, code, parent_code, replace(type, '-', '_'), 4
    from communes where type in ('commune-deleguee', 'commune-associee')
),

chained as (
    select vintage, code_from, code_to, method, priority, 0 as hops
    from candidates
    union all
    select c.vintage, c.code_from, n.code_to, c.method || '>' || n.method, c.priority, c.hops + 1
    from chained c
    join candidates n on n.vintage = c.vintage and n.code_from = c.code_to and n.code_to <> c.code_to
    where c.hops < 5
      and not exists (select 1 from current_communes k where k.vintage = c.vintage and k.code = c.code_to)
),

valid as (
    select c.vintage, c.code_from, c.code_to, c.method, c.priority, k.population as target_population
    from chained c
    join current_communes k on k.vintage = c.vintage and k.code = c.code_to
),

best as (
    select *, min(priority) over (partition by vintage, code_from) as best_priority
    from valid
),

kept as (
    select vintage, code_from, code_to, min(method) as method, any_value(target_population) as target_population
    from best
    where priority = best_priority
    group by vintage, code_from, code_to
),

weighted as (
    select
        *,
        count(*) over (partition by vintage, code_from) as targets,
        sum(target_population) over (partition by vintage, code_from) as targets_population
    from kept
),

vintages as (
    select vintage from geography.vintage
),

final as (
    select
        f.vintage as vintage_from,
        w.vintage as vintage_to,
        w.code_from,
        w.code_to,
        w.method,
        case
            when w.targets = 1 then 1.0
            when w.targets_population > 0 then coalesce(w.target_population, 0) / w.targets_population
            else 1.0 / w.targets
        end::double as weight,
        case
            when w.targets = 1 then 'whole'
            when w.targets_population > 0 then 'split_by_population'
            else 'split_equally'
        end as division,
        w.targets > 1 as ambiguous,
        'records of the later vintage' as built_from
    from weighted w
    join vintages f on f.vintage <= w.vintage
)

select * from final
