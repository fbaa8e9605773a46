-- The reject of a COG row whose file is not in a cog-YYYY/ folder, as the staging models write rejects.
CREATE OR REPLACE MACRO cog_vintage_reject(file) AS (
    {'rule': 'vintage', 'column_name': '_file', 'value': file,
     'message': 'a COG file must be in a folder cog-YYYY/ naming its vintage'}
);
