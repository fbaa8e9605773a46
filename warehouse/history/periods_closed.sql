-- Periods closed by this stock (no period ends at a later month: older stocks are ignored, a replaced one taken back).
SELECT count(*) FROM core.establishment_history WHERE valid_to = getvariable('stock_month');
