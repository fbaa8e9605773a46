-- The latest stock taken into the history, if any.
SELECT stock_month, fingerprint
FROM core.establishment_stock
ORDER BY stock_month DESC
LIMIT 1;
