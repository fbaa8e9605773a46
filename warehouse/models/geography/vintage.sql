-- The loaded COG vintages and the target of the run: territoire.geography.target-vintage when configured (the
-- geography step sets the variable target_vintage), otherwise the newest loaded.
with communes as (
    select vintage, any_value(layout) as layout, count(*) filter (where type = 'commune-actuelle') as communes
    from geography.cog_commune
    group by vintage
),

configured as (
    select getvariable('target_vintage')::varchar as target
),

final as (
    select
        vintage,
        layout,
        communes,
        vintage = coalesce((select target from configured), (select max(vintage) from communes)) as is_target,
        case when (select target from configured) is null then 'newest loaded' else 'configured' end
            as target_chosen_by
    from communes
)

select * from final order by vintage
