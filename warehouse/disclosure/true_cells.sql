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
placed AS (
    SELECT u.unit_id, u.sector_codes, u.value,
           unnest([
               {'level': 'commune', 'code': u.commune_code},
               {'level': 'epci', 'code': p.epci_code},
               {'level': 'departement', 'code': p.departement_code},
               {'level': 'region', 'code': p.region_code},
               {'level': 'france', 'code': 'FR'}
           ]) AS territory
    FROM unit_inner u
    LEFT JOIN core.territory_parent p ON p.level = 'commune' AND p.territory_code = u.commune_code
),
sectored AS (
    SELECT unit_id, territory.level AS level, territory.code AS territory_code, sector_codes, value,
           unnest(range(0, len(sector_codes) + 1)) AS depth
    FROM placed
    WHERE territory.code IS NOT NULL
),
unit_cell AS (
    SELECT level, territory_code, depth,
           CASE WHEN depth = 0 THEN '_T' ELSE sector_codes[depth] END AS sector_code,
           CASE WHEN depth = 0 THEN NULL WHEN depth = 1 THEN '_T' ELSE sector_codes[depth - 1] END AS parent_code,
           unit_id, value
    FROM sectored
),
by_unit AS (
    SELECT level, territory_code, depth, sector_code, any_value(parent_code) AS parent_code, unit_id,
           sum(value) AS value
    FROM unit_cell
    GROUP BY level, territory_code, depth, sector_code, unit_id
)
SELECT level, territory_code, depth, sector_code, any_value(parent_code) AS parent_code, sum(value) AS value,
       count(*) FILTER (WHERE value <> 0) AS units, max(value) AS top_value
FROM by_unit
GROUP BY level, territory_code, depth, sector_code
