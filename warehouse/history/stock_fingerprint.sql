-- The fingerprint of the register's stock loaded by this run: SHA-256 of the sorted SHA-256 of its files, null when
-- no file of the source was loaded.
SELECT sha256(string_agg(sha256, ';' ORDER BY sha256))
FROM meta.input_file
WHERE source = getvariable('history_source');
