-- The date of the register's stock and the years its series cover. The stock file does not say when it was
-- extracted: its date is the latest date it holds (last processing by INSEE, creation or start of a period), which
-- INSEE's monthly stock brings to within days of the extraction.
with establishments as (
    select date_creation, date_debut, date_dernier_traitement from core.establishment
),

dated as (
    select greatest(max(date_dernier_traitement), max(date_creation), max(date_debut)) as stock_date from establishments
),

final as (
    select
        stock_date,
        year(stock_date) as stock_year,
        2010 as first_year
    from dated
    where stock_date is not null
)

select * from final
