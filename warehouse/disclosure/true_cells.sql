-- The audit's own true table of one protected table and period (parameters: table_id, period), every
-- territorial level crossed with every sector level, aggregated from the unit-level contributions. Nothing here
-- reads mart.secrecy_cell: the audit does not trust the suppression's own aggregation.
WITH params AS (
    SELECT CAST(? AS VARCHAR) AS table_id, CAST(? AS INTEGER) AS period
),
unit_inner AS (
    SELECT c.unit_id, c.commune_code, coalesce(c.sector_codes, []::VARCHAR[]) AS sector_codes, sum(c.value) AS value
    FROM mart.secrecy_contribution c, params
    WHERE c.table_id = params.table_id AND c.period = params.period
    GROUP BY c.unit_id, c.commune_code, coalesce(c.sector_codes, []::VARCHAR[])
),
by_depth AS (
    SELECT u.unit_id, u.value, u.commune_code, p.epci_code, p.departement_code, p.region_code, d.depth,
           CASE WHEN d.depth = 0 THEN '_T' ELSE u.sector_codes[d.depth] END AS sector_code,
           CASE WHEN d.depth = 0 THEN NULL WHEN d.depth = 1 THEN '_T' ELSE u.sector_codes[d.depth - 1] END
               AS parent_code
    FROM unit_inner u
    LEFT JOIN core.territory_parent p ON p.level = 'commune' AND p.territory_code = u.commune_code
    CROSS JOIN LATERAL (SELECT unnest(range(0, len(u.sector_codes) + 1)) AS depth) d
),
-- each unit's contribution to each cell: one grouping set per territorial level
by_unit AS (
    SELECT GROUPING(commune_code, epci_code, departement_code, region_code) AS grouping_id,
           CASE GROUPING(commune_code, epci_code, departement_code, region_code) WHEN 7 THEN commune_code
               WHEN 11 THEN epci_code WHEN 13 THEN departement_code WHEN 14 THEN region_code ELSE 'FR' END
               AS territory_code,
           depth, sector_code, any_value(parent_code) AS parent_code, sum(value) AS value
    FROM by_depth
    GROUP BY GROUPING SETS ((commune_code, depth, sector_code, unit_id), (epci_code, depth, sector_code, unit_id),
        (departement_code, depth, sector_code, unit_id), (region_code, depth, sector_code, unit_id),
        (depth, sector_code, unit_id))
),
placed AS (
    SELECT CASE grouping_id WHEN 7 THEN 'commune' WHEN 11 THEN 'epci' WHEN 13 THEN 'departement'
               WHEN 14 THEN 'region' ELSE 'france' END AS level, *
    FROM by_unit
    -- a commune outside any EPCI (or outside the hierarchy) has no EPCI (département, région) cell
    WHERE grouping_id = 15 OR territory_code IS NOT NULL
)
SELECT level, territory_code, depth, sector_code, any_value(parent_code) AS parent_code, sum(value) AS value,
       count(*) FILTER (WHERE value <> 0) AS units, max(value) AS top_value
FROM placed
GROUP BY level, territory_code, depth, sector_code
