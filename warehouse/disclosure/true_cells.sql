-- The audit's own true table of one protected table and period (parameters: table_id, period), every
-- territorial level crossed with every sector level, aggregated from the unit-level contributions. Nothing here
-- reads mart.secrecy_cell: the audit does not trust the suppression's own aggregation.
WITH params AS (
    SELECT CAST(? AS VARCHAR) AS table_id, CAST(? AS INTEGER) AS period
),
-- units as 64-bit hashes: two units sharing a hash would count as one, which only makes the primary rule stricter
unit_inner AS (
    SELECT hash(c.unit_id) AS unit, c.commune_code, coalesce(c.sector_codes, []::VARCHAR[]) AS sector_codes,
           sum(c.value) AS value
    FROM mart.secrecy_contribution c, params
    WHERE c.table_id = params.table_id AND c.period = params.period
    GROUP BY hash(c.unit_id), c.commune_code, coalesce(c.sector_codes, []::VARCHAR[])
),
by_depth AS (
    SELECT u.unit, u.value, u.commune_code, p.epci_code, p.departement_code, p.region_code, d.depth,
           CASE WHEN d.depth = 0 THEN '_T' ELSE u.sector_codes[d.depth] END AS sector_code
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
           depth, sector_code, sum(value) AS value
    FROM by_depth
    GROUP BY GROUPING SETS ((commune_code, depth, sector_code, unit), (epci_code, depth, sector_code, unit),
        (departement_code, depth, sector_code, unit), (region_code, depth, sector_code, unit),
        (depth, sector_code, unit))
),
cells AS (
    SELECT CASE grouping_id WHEN 7 THEN 'commune' WHEN 11 THEN 'epci' WHEN 13 THEN 'departement'
               WHEN 14 THEN 'region' ELSE 'france' END AS level,
           territory_code, depth, sector_code, sum(value) AS value, count(*) FILTER (WHERE value <> 0) AS units,
           max(value) AS top_value
    FROM by_unit
    -- a commune outside any EPCI (or outside the hierarchy) has no EPCI (département, région) cell
    WHERE territory_code IS NOT NULL
    GROUP BY grouping_id, territory_code, depth, sector_code
),
-- the sector tree: each code's parent one depth up (_T under the coarsest level)
parents AS (
    SELECT DISTINCT d.depth, s.sector_codes[d.depth] AS sector_code,
           CASE WHEN d.depth = 1 THEN '_T' ELSE s.sector_codes[d.depth - 1] END AS parent_code
    FROM (SELECT DISTINCT sector_codes FROM unit_inner) s
    CROSS JOIN LATERAL (SELECT unnest(range(1, len(s.sector_codes) + 1)) AS depth) d
)
SELECT c.level, c.territory_code, c.depth, c.sector_code, p.parent_code, c.value, c.units, c.top_value
FROM cells c
LEFT JOIN parents p ON p.depth = c.depth AND p.sector_code = c.sector_code
