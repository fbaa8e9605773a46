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
 * @param contributions for a contributions model of the marts layer, the unit-level rows
 * of a measure that statistical secrecy protects (one row per unit, commune and sector
 * code): the measure is summed from them, and the secrecy step finds from them which
 * units make each cell
 * @param materialized {@code table} (the default): the model's rows are written once when
 * its layer is built; {@code view}: the model is a view, evaluated by each reader (for a
 * pass-through layer whose rows are read once or twice, where writing them would cost
 * more than reading them through)
 */
public record ModelSpec(String description, String grain, @Nullable String source,
		@JsonProperty("depends_on") @Nullable List<String> dependsOn, @Nullable List<Column> columns,
		@Nullable List<String> key, @Nullable GeographyDeclaration geography, @Nullable Measures measures,
		@Nullable Contributions contributions, @Nullable String materialized) {

	/** The materialisations a model may declare. */
	public static final List<String> MATERIALIZATIONS = List.of("table", "view");

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public ModelSpec {
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(grain, "grain is required");
		materialized = (materialized != null) ? materialized : "table";
		if (!MATERIALIZATIONS.contains(materialized)) {
			throw new IllegalArgumentException(
					"materialized is table or view, not '" + materialized + "' (default: table)");
		}
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
		if (measures != null && contributions != null) {
			throw new IllegalArgumentException(
					"a model offers either measures: (summed per commune) or contributions: (per unit), not both");
		}
		if (contributions != null) {
			List<String> names = columns.stream().map(Column::name).toList();
			java.util.List<String> required = new java.util.ArrayList<>(
					List.of("unit_id", "commune_code", "period", contributions.measure()));
			required.addAll(contributions.sectors());
			for (String column : required) {
				if (!names.contains(column)) {
					throw new IllegalArgumentException("a contributions model has the columns unit_id, commune_code, "
							+ "period, its measure and one column per sector level; '" + column
							+ "' is not described under columns (known: " + String.join(", ", names) + ")");
				}
			}
		}
	}

	/** A model without key or geography declaration. */
	public ModelSpec(String description, String grain, @Nullable String source, @Nullable List<String> dependsOn,
			@Nullable List<Column> columns) {
		this(description, grain, source, dependsOn, columns, null, null, null, null, null);
	}

	/** Whether the model is a view rather than a table ({@code materialized: view}). */
	public boolean isView() {
		return "view".equals(this.materialized);
	}

	/** A column of the YAML, if it describes it. */
	public java.util.Optional<Column> column(String name) {
		return this.columns.stream().filter((column) -> column.name().equals(name)).findFirst();
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
	 * @param title a short human title (published tables: the Table Schema's field title)
	 * @param description what it means
	 * @param pattern a regular expression every non-empty value matches (published
	 * tables: the Table Schema's {@code pattern} constraint)
	 * @param tests what must hold of its values, run as audits after the model's layer
	 */
	public record Column(String name, @Nullable String title, String description, @Nullable String pattern,
			@Nullable List<ColumnTest> tests) {

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		public Column {
			Objects.requireNonNull(name, "column name is required");
			Objects.requireNonNull(description, "column description is required");
			tests = (tests != null) ? List.copyOf(tests) : List.of();
			if (pattern != null) {
				java.util.regex.Pattern.compile(pattern);
			}
		}

		public Column(String name, String description, @Nullable List<ColumnTest> tests) {
			this(name, null, description, null, tests);
		}

		public Column(String name, String description) {
			this(name, null, description, null, null);
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

	/**
	 * What a contributions model offers: the unit-level rows of one measure protected by
	 * statistical secrecy, in columns {@code unit_id} (the firm: units are counted and
	 * their shares computed per cell), {@code commune_code} (target vintage),
	 * {@code period}, one column per sector level and the measure. Indicators read the
	 * measure from it like any other, summed over communes, with no dimension or any one
	 * of its sector levels as dimension.
	 *
	 * @param measure the measure column (its name is the protected table's name)
	 * @param sectors the sector levels, coarse to fine (e.g. {@code naf_section},
	 * {@code naf_division}); each a column of codes, each code of a finer level under one
	 * code of the coarser; empty when the measure has no sector breakdown
	 */
	public record Contributions(String measure, @Nullable List<String> sectors) {

		public Contributions {
			if (measure == null || measure.isBlank()) {
				throw new IllegalArgumentException("contributions.measure names the measure column");
			}
			sectors = (sectors != null) ? List.copyOf(sectors) : List.of();
			if (sectors.contains("none") || sectors.contains("total")) {
				throw new IllegalArgumentException("contributions.sectors: 'none' and 'total' are reserved names");
			}
		}

	}

}
