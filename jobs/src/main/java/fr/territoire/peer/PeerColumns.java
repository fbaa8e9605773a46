package fr.territoire.peer;

import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSchema;

/**
 * The columns of {@code mart.territory_peer}: fixed ones, then one contribution column
 * per feature of {@code warehouse/peers.yaml}. Its YAML documentation
 * ({@code warehouse/schema/mart/territory_peer.yaml}) and the public model's
 * ({@code warehouse/models/public/territory_peer.yaml}) must describe exactly those
 * contribution columns, so a feature added or renamed is documented where it is
 * published.
 */
public final class PeerColumns {

	/** The table the peers step writes. */
	public static final String TABLE = "mart.territory_peer";

	/** The public model publishing it. */
	public static final String PUBLIC_TABLE = "public.territory_peer";

	/** The columns before the contributions, with their DuckDB types. */
	static final List<List<String>> FIXED = List.of(List.of("level", "VARCHAR"), List.of("territory_code", "VARCHAR"),
			List.of("peer_code", "VARCHAR"), List.of("peer_order", "INTEGER"), List.of("distance", "DOUBLE"));

	private PeerColumns() {
	}

	/** Every column name, in table order. */
	public static List<String> names(PeerSpec spec) {
		List<String> names = new ArrayList<>(FIXED.stream().map((column) -> column.get(0)).toList());
		names.addAll(spec.contributionColumns());
		return names;
	}

	/**
	 * The statement (re)creating the table with the columns the specification implies.
	 */
	static String createTable(PeerSpec spec) {
		StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE " + TABLE + " (");
		for (List<String> column : FIXED) {
			sql.append(column.get(0)).append(' ').append(column.get(1)).append(" NOT NULL, ");
		}
		sql.append(String.join(", ", spec.contributionColumns().stream().map((name) -> name + " DOUBLE").toList()));
		return sql.append(')').toString();
	}

	/**
	 * Documentation that does not match the features: a contribution column missing from
	 * the table's or the public model's YAML, or one described there for no feature.
	 */
	public static List<Problem> problems(PeerSpec spec, WarehouseSchema schema, ModelCatalog models) {
		List<Problem> problems = new ArrayList<>();
		schema.table(TABLE)
			.ifPresentOrElse(
					(table) -> compare(spec, "warehouse/schema/mart/territory_peer.yaml",
							table.spec().columns().stream().map(ModelSpec.Column::name).toList(), problems),
					() -> problems.add(Problem.of("warehouse/schema/mart/territory_peer.sql", "missing",
							"the peers step writes " + TABLE + ": declare and document it there")));
		models.layer(SqlModel.Layer.PUBLIC)
			.stream()
			.filter((model) -> model.table().equals(PUBLIC_TABLE))
			.findFirst()
			.ifPresent((model) -> compare(spec, "warehouse/models/public/territory_peer.yaml",
					model.spec().columns().stream().map(ModelSpec.Column::name).toList(), problems));
		return problems;
	}

	private static void compare(PeerSpec spec, String yaml, List<String> documented, List<Problem> problems) {
		for (String column : names(spec)) {
			if (!documented.contains(column)) {
				problems.add(Problem.of(yaml, "column " + column + " of " + TABLE + " is not described",
						"add '- name: " + column + "' with its description under columns (see warehouse/peers.yaml)"));
			}
		}
		for (String column : documented) {
			if (column.startsWith("contribution_") && !spec.contributionColumns().contains(column)) {
				problems.add(Problem.of(yaml,
						"column " + column + " is described but no feature of " + "warehouse/peers.yaml gives it",
						"remove it, or declare its feature"));
			}
		}
	}

}
