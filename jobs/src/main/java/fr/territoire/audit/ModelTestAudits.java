package fr.territoire.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.territoire.config.Problem;
import fr.territoire.warehouse.ColumnTest;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;

/**
 * Audits generated from the tests declared in models' YAML ({@code key:} and each
 * column's {@code tests:}), named {@code <schema>.<model>__<test>_<column>} (e.g.
 * {@code core.territory__key_level_code}, {@code public.establishment__unique_siret}: the
 * schema keeps apart models of the same name in two layers). Each runs after its model's
 * layer and is recorded in {@code quality.audit_result} like the audits of
 * {@code warehouse/audits/}.
 */
public final class ModelTestAudits {

	private ModelTestAudits() {
	}

	/** The audits of every model of the catalog, in build order. */
	public static List<Audit> generate(ModelCatalog models) {
		List<Audit> audits = new ArrayList<>();
		for (SqlModel model : models.models()) {
			audits.addAll(of(model));
		}
		return List.copyOf(audits);
	}

	/** The audits of one model. */
	public static List<Audit> of(SqlModel model) {
		List<Audit> audits = new ArrayList<>();
		AuditLayer after = AuditLayer.of(model.layer());
		String table = model.table();
		List<String> key = model.spec().key();
		if (!key.isEmpty()) {
			String columns = key.stream().map(Sql::identifier).collect(Collectors.joining(", "));
			String anyNull = key.stream()
				.map((column) -> Sql.identifier(column) + " IS NULL")
				.collect(Collectors.joining(" OR "));
			audits.add(new Audit(table + "__key_" + String.join("_", key),
					"SELECT " + columns + ", count(*) AS copies FROM " + table + " GROUP BY " + columns
							+ " HAVING count(*) > 1 OR " + anyNull,
					new AuditSpec(
							String.join(", ", key) + " identify a row of " + table + " (unique together, never null)",
							true, after)));
		}
		for (ModelSpec.Column column : model.spec().columns()) {
			for (ColumnTest test : column.tests()) {
				audits.add(new Audit(table + "__" + test.kind().yamlName() + "_" + column.name(),
						sql(table, column.name(), test),
						new AuditSpec(description(table, column.name(), test), test.blocking(), after),
						countSql(table, column.name(), test)));
			}
		}
		return audits;
	}

	/**
	 * What the tests of the models' YAML get wrong that a single file cannot tell: a
	 * relationship to a table no model builds, or built after the tested model.
	 */
	public static List<Problem> problems(ModelCatalog models) {
		List<Problem> problems = new ArrayList<>();
		for (SqlModel model : models.models()) {
			String shownAs = "warehouse/models/" + model.layer().folder() + "/" + model.name() + ".yaml";
			for (ModelSpec.Column column : model.spec().columns()) {
				for (ColumnTest test : column.tests()) {
					if (test.kind() != ColumnTest.Kind.RELATIONSHIPS) {
						continue;
					}
					var target = models.models()
						.stream()
						.filter((candidate) -> candidate.table().equals(test.to()))
						.findFirst();
					if (target.isEmpty()) {
						problems.add(
								Problem.of(shownAs,
										"column " + column.name() + ": relationships names " + test.to()
												+ ", which no model builds",
										"name a model's table, e.g. core.territory"));
					}
					else if (target.get().layer().compareTo(model.layer()) > 0) {
						problems.add(Problem.of(shownAs,
								"column " + column.name() + ": relationships names " + test.to()
										+ ", built after this model's layer, when its tests run",
								"name a table of this layer or an earlier one"));
					}
				}
			}
		}
		return problems;
	}

	static String sql(String table, String column, ColumnTest test) {
		String name = Sql.identifier(column);
		return switch (test.kind()) {
			case NOT_NULL, RELATIONSHIPS -> "SELECT * FROM " + rowFilter(table, column, test);
			case UNIQUE -> "SELECT " + name + ", count(*) AS copies FROM " + table + " WHERE " + name
					+ " IS NOT NULL GROUP BY " + name + " HAVING count(*) > 1";
			case ACCEPTED_VALUES -> "SELECT " + name + ", count(*) AS row_count FROM " + table + " WHERE " + name
					+ " IS NOT NULL AND CAST(" + name + " AS VARCHAR) NOT IN ("
					+ test.values().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ") GROUP BY " + name;
		};
	}

	/**
	 * The count of the rows {@link #sql} returns: for the tests returning whole rows, a
	 * count over the same filter applied to the tested column alone (DuckDB does not
	 * prune the other columns of a view through the anti-join: 82 s against 1.8 s for
	 * {@code public.establishment} at 44 M rows).
	 */
	static String countSql(String table, String column, ColumnTest test) {
		return switch (test.kind()) {
			case NOT_NULL, RELATIONSHIPS -> "SELECT count(*) FROM "
					+ rowFilter("(SELECT " + Sql.identifier(column) + " FROM " + table + ")", column, test);
			case UNIQUE, ACCEPTED_VALUES -> "SELECT count(*) FROM (" + sql(table, column, test) + ")";
		};
	}

	/** The rows given, filtered to those breaking a row-wise test. */
	private static String rowFilter(String rows, String column, ColumnTest test) {
		String name = Sql.identifier(column);
		return switch (test.kind()) {
			case NOT_NULL -> rows + " AS child WHERE child." + name + " IS NULL";
			case RELATIONSHIPS -> rows + " AS child WHERE child." + name + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
					+ test.to() + " AS parent WHERE parent." + Sql.identifier(String.valueOf(test.field()))
					+ " = child." + name + ")";
			case UNIQUE, ACCEPTED_VALUES -> throw new IllegalArgumentException(test.kind() + " is not row-wise");
		};
	}

	private static String description(String table, String column, ColumnTest test) {
		return switch (test.kind()) {
			case NOT_NULL -> column + " of " + table + " is never null";
			case UNIQUE -> column + " of " + table + " never holds the same value twice";
			case ACCEPTED_VALUES -> column + " of " + table + " is one of " + String.join(", ", test.values());
			case RELATIONSHIPS -> column + " of " + table + " exists in " + test.field() + " of " + test.to();
		};
	}

}
