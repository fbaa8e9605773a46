-- Records the stock as taken into the history, then drops the temporary table.
INSERT INTO core.establishment_stock
SELECT getvariable('stock_month'), getvariable('run_date'), getvariable('stock_fingerprint'), count(*)
FROM history_stock;
DROP TABLE history_stock;
