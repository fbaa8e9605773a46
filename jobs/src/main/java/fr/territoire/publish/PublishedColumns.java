package fr.territoire.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.territoire.config.Problem;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * The documentation of published tables, taken from their public models' YAML: a table's
 * description (unless {@code publish.yaml} gives one) and every column's description.
 */
public final class PublishedColumns {

	private PublishedColumns() {
	}

	/** The public model a published table reads. */
	static Optional<SqlModel> model(PublicationSpec.PublishedTable table, ModelCatalog models) {
		return models.layer(SqlModel.Layer.PUBLIC)
			.stream()
			.filter((model) -> model.table().equals(table.from()))
			.findFirst();
	}

	/** What a row of the published table is. */
	static String description(PublicationSpec.PublishedTable table, ModelCatalog models) {
		if (table.description() != null) {
			return table.description();
		}
		return model(table, models).map((model) -> model.spec().description()).orElse(table.from());
	}

	/**
	 * The description of a published column, from the public model's YAML; fails naming
	 * the YAML and the column when there is none.
	 */
	static String description(PublicationSpec.PublishedTable table, ModelCatalog models, String column) {
		return model(table, models).flatMap((model) -> model.spec().columnDescription(column))
			.orElseThrow(() -> new TerritoireException(ErrorCode.BAD_CONFIGURATION,
					table.modelYaml() + ": column " + column + " of " + table.from()
							+ " has no description; every published column is documented in its public model's YAML"));
	}

	/**
	 * Published tables without a public model, and columns of the public models (those
	 * {@code columnsOf} can tell without data) without a description.
	 * @param spec the publication
	 * @param models the models
	 * @param columnsOf the columns a model's query returns, empty when they cannot be
	 * told without running it
	 * @return the problems, each naming the model's YAML
	 */
	public static List<Problem> problems(PublicationSpec spec, ModelCatalog models,
			java.util.function.Function<SqlModel, List<String>> columnsOf) {
		List<Problem> problems = new ArrayList<>();
		List<String> names = spec.tables().stream().map(PublicationSpec.PublishedTable::name).toList();
		for (PublicationSpec.PublishedTable table : spec.tables()) {
			for (PublicationSpec.ForeignKey key : table.foreignKeys()) {
				if (!names.contains(key.table())) {
					problems
						.add(Problem.of("warehouse/publish.yaml",
								"table " + table.name() + " has a foreign key to " + key.table()
										+ ", which is not a published table",
								"name one of: " + String.join(", ", names)));
				}
			}
			Optional<SqlModel> model = model(table, models);
			if (model.isEmpty()) {
				problems.add(Problem.of("warehouse/publish.yaml",
						"table " + table.name() + " reads " + table.from() + ", which no public model builds",
						"add " + table.modelYaml().replaceFirst("\\.yaml$", ".sql") + " and its YAML"));
				continue;
			}
			for (String column : columnsOf.apply(model.get())) {
				if (model.get().spec().columnDescription(column).isEmpty()) {
					problems.add(Problem.of(table.modelYaml(),
							"column " + column + " is published (" + table.name() + ") but has no description",
							"add '- name: " + column + "' with its description under columns"));
				}
			}
		}
		return problems;
	}

}
