-- The history is rebuilt from the last good warehouse on every run (a restarted step starts again from scratch).
DELETE FROM core.establishment_history;
DELETE FROM core.establishment_stock;
