-- The date of the run being built: the latest start recorded in meta.run.
SELECT CAST(run_date AS VARCHAR) FROM meta.run ORDER BY started_at DESC LIMIT 1;
