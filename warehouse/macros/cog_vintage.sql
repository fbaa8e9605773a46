-- The COG vintage a file's folder names: cog-2026/communes.json → '2026'; null outside a cog-YYYY/ folder.
CREATE OR REPLACE MACRO cog_vintage(file) AS (
    nullif(regexp_extract(file, '(^|/)cog-([0-9]{4})/', 2), '')
);
