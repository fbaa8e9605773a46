package fr.territoire.geography;

import java.util.List;

import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.ModelSpec.Column;

/**
 * The SQL skeletons of the generated geography models (each {@code %s} is filled by
 * {@link GeographySql} with one select per declared source) and their descriptions.
 */
final class GeographyText {

	/** The selects of each source's commune codes. */
	static final String SOURCE_VINTAGE = """
			-- The COG vintage of each source's commune codes: the vintage its mapping declares when that vintage is loaded,
			-- otherwise the one detected from its codes (the loaded vintage whose communes and arrondissements hold the largest
			-- share of the source's rows; the newest on a tie). Detection is always computed and reported.
			with source_codes as (
			%s
			),

			declared as (
			    select source, any_value(vintage) as declared_vintage
			    from meta.input_file
			    group by source
			),

			codes as (
			    select source, code, count(*) as rows from source_codes group by source, code
			),

			known as (
			    select distinct vintage, code
			    from geography.cog_commune
			    where type in ('commune-actuelle', 'arrondissement-municipal')
			),

			matches as (
			    select c.source, v.vintage, sum(c.rows) filter (where k.code is not null) / sum(c.rows) as share
			    from codes c
			    cross join geography.vintage v
			    left join known k on k.vintage = v.vintage and k.code = c.code
			    group by c.source, v.vintage
			),

			detected as (
			    select source, vintage as detected_vintage, coalesce(share, 0) as detected_share
			    from matches
			    qualify row_number() over (partition by source order by coalesce(share, 0) desc, vintage desc) = 1
			),

			final as (
			    select
			        d.source,
			        s.declared_vintage,
			        d.detected_vintage,
			        round(d.detected_share, 6) as detected_share,
			        case when s.declared_vintage in (select vintage from geography.vintage) then s.declared_vintage
			             else d.detected_vintage end as vintage_used,
			        case
			            when s.declared_vintage in (select vintage from geography.vintage) then 'declared'
			            when s.declared_vintage is null then 'detected (no vintage declared)'
			            else 'detected (declared vintage ' || s.declared_vintage || ' is not loaded)'
			        end as chosen_by,
			        (select vintage from geography.vintage where is_target) as target_vintage
			    from detected d
			    left join declared s on s.source = d.source
			)

			select * from final order by source""";

	/** The selects of each source's codes with their rows, amount and unit. */
	static final String UNMAPPED_COMMUNE_CODE = """
			-- Codes found in sources that no passage maps from the source's vintage to the target vintage, with the rows and
			-- amounts they carry: reported, never dropped silently.
			with vintages as (
			    select * from geography.source_vintage
			),

			passage as (
			    select p.vintage_from, p.vintage_to, p.code_from
			    from geography.commune_passage p
			),

			codes as (
			%s
			),

			final as (
			    select c.source, c.code, c.rows, c.amount, c.unit, v.vintage_used as vintage_from, v.target_vintage as vintage_to
			    from codes c
			    join vintages v on v.source = c.source
			    where not exists (
			        select 1 from passage p
			        where p.vintage_from = v.vintage_used and p.vintage_to = v.target_vintage and p.code_from = c.code
			    )
			)

			select * from final""";

	/** The selects of each source's total amount and unit. */
	static final String UNMAPPED_TOTAL = """
			-- What harmonisation left out, per source holding commune codes: unmapped codes, their rows and amount, against the
			-- source's total.
			with unmapped as (
			    select source, count(*) as codes, sum(rows) as rows, sum(amount) as amount
			    from geography.unmapped_commune_code
			    group by source
			),

			totals as (
			%s
			),

			final as (
			    select
			        t.source,
			        coalesce(u.codes, 0) as unmapped_codes,
			        coalesce(u.rows, 0) as unmapped_rows,
			        coalesce(u.amount, 0) as amount_left_out,
			        coalesce(t.total_amount, 0) as total_amount,
			        coalesce(t.total_amount, 0) - coalesce(u.amount, 0) as amount_harmonised,
			        t.unit
			    from totals t
			    left join unmapped u on u.source = t.source
			)

			select * from final order by source""";

	/** Declaring file, staging table, source literal, commune column. */
	static final String HARMONISED = """
			-- Every staged row of the source declared in %s, with its commune of the target vintage. A row is never
			-- divided: a code split between several communes goes to the one with the largest share (geography_share
			-- tells which share); a null or unmapped code gives a null target_commune_code (see unmapped_commune_code).
			with source_rows as (
			    select * from %s
			),

			vintages as (
			    select vintage_used, target_vintage from geography.source_vintage where source = %s
			),

			passage as (
			    select p.code_from, p.code_to, p.method, p.weight
			    from geography.commune_passage p
			    join vintages v on p.vintage_from = v.vintage_used and p.vintage_to = v.target_vintage
			    qualify row_number() over (partition by p.code_from order by p.weight desc, p.code_to) = 1
			),

			final as (
			    select
			        s.*,
			        p.code_to as target_commune_code,
			        p.method as geography_method,
			        p.weight as geography_share
			    from source_rows s
			    left join passage p on p.code_from = s.%s
			)

			select * from final""";

	private GeographyText() {
	}

	static ModelSpec spec(String name) {
		return switch (name) {
			case "source_vintage" -> new ModelSpec(
					"The COG vintage of each source declaring its commune column: declared by its mapping when that "
							+ "vintage is loaded, otherwise detected from its codes; the detection is always reported.",
					"one row per declared source holding commune codes", null, List.of(),
					List.of(new Column("declared_vintage", "the vintage the mapping declares (null when none)"),
							new Column("detected_vintage",
									"the loaded vintage whose communes and arrondissements hold the most rows of the "
											+ "source (newest on a tie)"),
							new Column("detected_share",
									"share of the source's rows whose code is a commune or arrondissement of the "
											+ "detected vintage"),
							new Column("vintage_used", "the vintage the source is harmonised from"),
							new Column("chosen_by", "declared, or detected and why"),
							new Column("target_vintage", "the vintage the source is harmonised to")));
			case "unmapped_commune_code" -> new ModelSpec(
					"Commune codes of the declared sources that cannot be mapped to the target vintage, never dropped "
							+ "silently.",
					"one row per source and code", null, List.of(),
					List.of(new Column("rows", "source rows carrying the code"),
							new Column("amount", "what they carry: the declared amount summed, or rows counted"),
							new Column("unit", "the unit of amount (declared, rows by default)"),
							new Column("vintage_from", "the source's vintage"),
							new Column("vintage_to", "the target vintage")));
			case "unmapped_total" -> new ModelSpec(
					"Per declared source, how much harmonisation left out (unmapped codes) against the source's total.",
					"one row per declared source holding commune codes", null, List.of(),
					List.of(new Column("unmapped_codes", "distinct codes no passage maps"),
							new Column("unmapped_rows", "source rows carrying them"),
							new Column("amount_left_out", "the amount they carry"),
							new Column("total_amount", "the source's total amount (rows with a commune code)"),
							new Column("amount_harmonised", "total minus what was left out"),
							new Column("unit", "the unit of the amounts")));
			default -> throw new IllegalArgumentException("no generated geography model " + name);
		};
	}

}
