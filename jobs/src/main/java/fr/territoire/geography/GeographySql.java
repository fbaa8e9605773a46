package fr.territoire.geography;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;

/**
 * Generates the geography models that list every declared source: the vintage of each
 * source ({@code geography.source_vintage}), the codes no passage maps
 * ({@code geography.unmapped_commune_code}), what they leave out per source
 * ({@code geography.unmapped_total}), and, per source, a view of its staged rows with
 * their commune of the target vintage ({@code geography.<source>__harmonised}).
 */
public final class GeographySql {

	static final String GENERATED = "-- Generated from the geography declarations of mappings and staging models "
			+ "(territoire check --show-sql geography).\n";

	private GeographySql() {
	}

	/** The tables listing every declared source, in build order. */
	public static List<SqlModel> tables(List<DeclaredSource> sources) {
		return List.of(sourceVintage(sources), unmappedCommuneCode(sources), unmappedTotal(sources));
	}

	/** One view per declared source: its staged rows in the target vintage. */
	public static List<SqlModel> views(List<DeclaredSource> sources) {
		return sources.stream().map(GeographySql::harmonised).toList();
	}

	/**
	 * Every generated model as SQL statements, for {@code territoire check --show-sql}.
	 */
	public static String show(List<DeclaredSource> sources) {
		List<String> statements = new ArrayList<>();
		tables(sources).forEach(
				(model) -> statements.add("CREATE OR REPLACE TABLE " + model.table() + " AS\n" + model.sql() + ";"));
		views(sources).forEach(
				(model) -> statements.add("CREATE OR REPLACE VIEW " + model.table() + " AS\n" + model.sql() + ";"));
		return String.join("\n\n", statements);
	}

	static SqlModel sourceVintage(List<DeclaredSource> sources) {
		String codes = union(sources, "null::varchar as source, null::varchar as code", (source) -> {
			String column = Sql.identifier(source.geography().commune());
			return Sql.literal(source.source()) + " as source, " + column + " as code\n    from " + source.table()
					+ "\n    where " + column + " is not null";
		});
		return model("source_vintage", GeographyText.SOURCE_VINTAGE.formatted(codes));
	}

	static SqlModel unmappedCommuneCode(List<DeclaredSource> sources) {
		String codes = union(sources, "null::varchar as source, null::varchar as code, 0::bigint as rows, "
				+ "0::bigint as amount, null::varchar as unit", (source) -> {
					String column = Sql.identifier(source.geography().commune());
					return Sql.literal(source.source()) + " as source, " + column + " as code, count(*) as rows, "
							+ amount(source) + " as amount,\n           "
							+ Sql.literal(source.geography().unitOrDefault()) + " as unit\n    from " + source.table()
							+ "\n    where " + column + " is not null\n" + "    group by " + column;
				});
		return model("unmapped_commune_code", GeographyText.UNMAPPED_COMMUNE_CODE.formatted(codes));
	}

	static SqlModel unmappedTotal(List<DeclaredSource> sources) {
		String totals = union(sources, "null::varchar as source, 0::bigint as total_amount, null::varchar as unit",
				(source) -> Sql.literal(source.source()) + " as source, " + amount(source) + " as total_amount, "
						+ Sql.literal(source.geography().unitOrDefault()) + " as unit\n    from " + source.table()
						+ "\n    where " + Sql.identifier(source.geography().commune()) + " is not null\n"
						+ "    having count(*) > 0");
		return model("unmapped_total", GeographyText.UNMAPPED_TOTAL.formatted(totals));
	}

	static SqlModel harmonised(DeclaredSource source) {
		String sql = GeographyText.HARMONISED.formatted(source.declaredIn(), source.table(),
				Sql.literal(source.source()), Sql.identifier(source.geography().commune()));
		ModelSpec spec = new ModelSpec("Staged rows of " + source.source()
				+ " with their commune of the target COG vintage (declared in " + source.declaredIn() + ")",
				"one row per staged row", null, List.of(),
				List.of(new ModelSpec.Column("target_commune_code",
						"commune of the target vintage of " + source.geography().commune()
								+ " (null when the code is null or unmapped); a split code goes to the commune with "
								+ "the largest share"),
						new ModelSpec.Column("geography_method", "how the code was mapped (see commune_passage)"),
						new ModelSpec.Column("geography_share",
								"share of the code given to target_commune_code (1 unless the code was split)")));
		return new SqlModel(SqlModel.Layer.GEOGRAPHY, source.harmonisedName(), GENERATED + sql, spec);
	}

	private static String amount(DeclaredSource source) {
		return source.geography().hasAmount() ? "sum(" + Sql.identifier(source.geography().amount()) + ")" : "count(*)";
	}

	/** The selects of every source joined by union all; a typed empty select if none. */
	private static String union(List<DeclaredSource> sources, String empty, Function<DeclaredSource, String> select) {
		if (sources.isEmpty()) {
			return "    select " + empty + " where false";
		}
		return sources.stream()
			.map((source) -> "    select " + select.apply(source))
			.collect(Collectors.joining("\n    union all\n"));
	}

	private static SqlModel model(String name, String sql) {
		return new SqlModel(SqlModel.Layer.GEOGRAPHY, name, GENERATED + sql, GeographyText.spec(name));
	}

}
