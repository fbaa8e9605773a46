package fr.territoire.warehouse;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.territoire.config.GeographyDeclaration;
import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a SQL model: what it is, its grain, what it depends on, its columns.
 *
 * @param description what the model holds
 * @param grain what one row is
 * @param source for a staging model, the mapping source it validates
 * @param dependsOn models of the same layer that must be built first
 * @param columns column descriptions, each with its tests
 * @param key columns that together identify a row: tested unique and not null after the
 * model is built
 * @param geography for a staging model, the column holding commune codes (and optionally
 * an amount and its unit): the source is then harmonised to the target COG vintage
 * @param measures for a measure model of the marts layer, the measures it offers to the
 * indicators of {@code warehouse/indicators/}
 */
public record ModelSpec(String description, String grain, @Nullable String source,
		@JsonProperty("depends_on") @Nullable List<String> dependsOn, @Nullable List<Column> columns,
		@Nullable List<String> key, @Nullable GeographyDeclaration geography, @Nullable Measures measures) {

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public ModelSpec {
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(grain, "grain is required");
		dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : List.of();
		columns = (columns != null) ? List.copyOf(columns) : List.of();
		if (geography != null) {
			if (source == null) {
				throw new IllegalArgumentException(
						"geography applies to staging models, which name the source they validate: add 'source:'");
			}
			List<String> names = columns.stream().map(Column::name).toList();
			for (String column : java.util.stream.Stream.of(geography.commune(), geography.amount())
				.filter(Objects::nonNull)
				.toList()) {
				if (!names.contains(column)) {
					throw new IllegalArgumentException("geography."
							+ (column.equals(geography.commune()) ? "commune" : "amount") + " names '" + column
							+ "', which is not a column of this model's YAML; describe it under columns (known: "
							+ String.join(", ", names) + ")");
				}
			}
		}
		if (key != null && key.isEmpty()) {
			throw new IllegalArgumentException("key lists the columns that identify a row: at least one");
		}
		key = (key != null) ? List.copyOf(key) : List.of();
	}

	/** A model without key or geography declaration. */
	public ModelSpec(String description, String grain, @Nullable String source, @Nullable List<String> dependsOn,
			@Nullable List<Column> columns) {
		this(description, grain, source, dependsOn, columns, null, null, null);
	}

	/** The description of a column, if the YAML gives one. */
	public java.util.Optional<String> columnDescription(String name) {
		return this.columns.stream()
			.filter((column) -> column.name().equals(name))
			.map(Column::description)
			.findFirst();
	}

	/**
	 * A column's description and tests.
	 *
	 * @param name the column name
	 * @param description what it means
	 * @param tests what must hold of its values, run as audits after the model's layer
	 */
	public record Column(String name, String description, @Nullable List<ColumnTest> tests) {

		public Column {
			Objects.requireNonNull(name, "column name is required");
			Objects.requireNonNull(description, "column description is required");
			tests = (tests != null) ? List.copyOf(tests) : List.of();
		}

		public Column(String name, String description) {
			this(name, description, null);
		}

	}

	/**
	 * What a measure model offers indicators: one row per commune of the target vintage,
	 * period and (for a dimension) dimension code, in columns {@code commune_code},
	 * {@code period} and {@code dimension_code}; the measures are summed over a
	 * territory's communes.
	 *
	 * @param dimension {@code none}, or the classification its {@code dimension_code}
	 * follows (checked against the indicators' dimensions)
	 * @param columns the measure columns, each described under {@code columns}
	 */
	public record Measures(@Nullable String dimension, List<String> columns) {

		public Measures {
			dimension = (dimension != null) ? dimension : "none";
			if (columns == null || columns.isEmpty()) {
				throw new IllegalArgumentException("measures.columns lists the measure columns: at least one");
			}
			columns = List.copyOf(columns);
		}

		public boolean hasDimension() {
			return !"none".equals(this.dimension);
		}

	}

}
