-- Periods opened by this stock.
SELECT count(*) FROM core.establishment_history WHERE valid_from = getvariable('stock_month');
