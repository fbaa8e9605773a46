-- Harmonisation must keep the total of every edition loaded: staged = harmonised + reported as unmapped.
with staged as (
    select coalesce(sum(population_municipale), 0) as total from staging.stg_insee__population_commune
),

harmonised as (
    select coalesce(sum(population_municipale), 0) as total from geography.population_commune
),

unmapped as (
    select coalesce(sum(amount), 0) as total from geography.unmapped_commune_code
    where source = 'insee_population_commune'
)

select staged.total as staged, harmonised.total as harmonised, unmapped.total as unmapped
from staged, harmonised, unmapped
where staged.total <> harmonised.total + unmapped.total
