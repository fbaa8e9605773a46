-- Passage tables between every two loaded vintages (from ≤ to).
-- From change events when an events file (cog_event) reaching 1 January of the later vintage is loaded: the
-- communes of the earlier vintage follow, in date order, every COM → COM event effective after 1 January of the
-- earlier year and no later than 1 January of the later one (chains followed until nothing changes); a code split
-- into several communes is divided in proportion to their population in the later vintage.
-- Otherwise from what the later vintage records itself: its communes (identity), arrondissements municipaux → their
-- commune, former codes → the commune that absorbed them, communes déléguées and associées → their commune. Links to
-- a code that is not a commune of the later vintage are followed (code changes in chains). Merges sum their parts
-- (weight 1); a code claimed by several communes is divided in proportion to their population (split_by_population),
-- equally when it is unknown. Codes of other types (arrondissements, communes déléguées…) always use the records.
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

events as (
    select vintage as events_vintage, effective_date, code_before, code_after
    from staging.stg_cog__event
    where type_before = 'COM' and type_after = 'COM'
),

event_steps as (
    select effective_date, code_before, code_after, max(events_vintage) as events_vintage
    from events
    group by effective_date, code_before, code_after
),

event_dates as (
    select
        code_before,
        effective_date,
        lag(effective_date) over (partition by code_before order by effective_date) as previous_date
    from (select distinct code_before, effective_date from event_steps)
),

event_pairs as (
    select f.vintage as vintage_from, t.vintage as vintage_to
    from vintages f
    join vintages t on f.vintage < t.vintage
    where exists (select 1 from event_steps where events_vintage >= t.vintage)
),

event_shares as (
    select
        t.vintage as vintage_to,
        s.code_before,
        s.effective_date,
        s.code_after,
        count(*) over w as targets,
        k.population,
        sum(k.population) over w as targets_population
    from event_steps s
    cross join vintages t
    left join current_communes k on k.vintage = t.vintage and k.code = s.code_after
    window w as (partition by t.vintage, s.code_before, s.effective_date)
),

followed as (
    select
        p.vintage_from, p.vintage_to, k.code as code_from, k.code as code_now, 1.0::double as weight,
        make_date(p.vintage_from::integer, 1, 1) as as_of, 0 as steps
    from event_pairs p
    join current_communes k on k.vintage = p.vintage_from
    union all
    select
        f.vintage_from, f.vintage_to, f.code_from, s.code_after,
        f.weight * case
            when s.targets = 1 then 1.0
            when s.targets_population > 0 then coalesce(s.population, 0) / s.targets_population
            else 1.0 / s.targets
        end,
        d.effective_date, f.steps + 1
    from followed f
    join event_dates d
        on d.code_before = f.code_now
        and d.effective_date > f.as_of
        and coalesce(d.previous_date, date '0001-01-01') <= f.as_of
        and d.effective_date <= make_date(f.vintage_to::integer, 1, 1)
    join event_shares s
        on s.vintage_to = f.vintage_to and s.code_before = d.code_before and s.effective_date = d.effective_date
    where f.steps < 100
),

event_final as (
    select vintage_from, vintage_to, code_from, code_now, sum(weight) as weight, max(steps) as steps
    from followed f
    where not exists (
        select 1 from event_dates d
        where d.code_before = f.code_now and d.effective_date > f.as_of
          and d.effective_date <= make_date(f.vintage_to::integer, 1, 1)
    )
    group by vintage_from, vintage_to, code_from, code_now
),

from_events as (
    select
        e.vintage_from,
        e.vintage_to,
        e.code_from,
        w.code_to,
        case when w.method = 'identity' then 'events' else 'events>' || w.method end as method,
        sum(e.weight * case
            when w.targets = 1 then 1.0
            when w.targets_population > 0 then coalesce(w.target_population, 0) / w.targets_population
            else 1.0 / w.targets
        end)::double as weight
    from event_final e
    join weighted w on w.vintage = e.vintage_to and w.code_from = e.code_now
    group by all
),

from_records as (
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
        w.targets > 1 as ambiguous
    from weighted w
    join vintages f on f.vintage <= w.vintage
),

final as (
    select *, 'records of the later vintage' as built_from
    from from_records r
    where not exists (
        select 1 from event_pairs p
        join current_communes k on k.vintage = p.vintage_from
        where p.vintage_from = r.vintage_from and p.vintage_to = r.vintage_to and k.code = r.code_from
    )
    union all
    select
        vintage_from, vintage_to, code_from, code_to, method, weight,
        case when count(*) over (partition by vintage_from, vintage_to, code_from) = 1 then 'whole'
             else 'split_by_population' end as division,
        count(*) over (partition by vintage_from, vintage_to, code_from) > 1 as ambiguous,
        'change events' as built_from
    from from_events
)

select * from final
