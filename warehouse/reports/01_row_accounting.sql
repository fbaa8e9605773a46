SELECT source, file, rows_read, rows_staged, rows_rejected, reused_from_previous_run
FROM meta.file_accounting
ORDER BY source, file;
