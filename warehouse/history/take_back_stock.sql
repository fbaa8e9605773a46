-- Takes back the changes of a stock of the same month, replaced by a different one: the periods it opened are
-- removed, the periods it closed are open again.
DELETE FROM core.establishment_history WHERE valid_from = getvariable('stock_month');
UPDATE core.establishment_history SET valid_to = NULL WHERE valid_to = getvariable('stock_month');
DELETE FROM core.establishment_stock WHERE stock_month = getvariable('stock_month');
