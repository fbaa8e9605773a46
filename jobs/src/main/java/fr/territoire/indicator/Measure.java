package fr.territoire.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;

/**
 * A measure indicators are made of: a column of a measure model (a model whose YAML has
 * {@code measures:}), one value per commune, period and, for a dimension, code; or the
 * measure of a contributions model ({@code contributions:}), one value per unit, commune,
 * period and sector code, which statistical secrecy protects.
 *
 * @param name the column, unique among measure and contributions models
 * @param table the model's table, e.g. {@code mart.measure_register_year}
 * @param dimensions the dimensions an indicator may break it down by: for a measure
 * model, its one dimension ({@code none} or the classification of its
 * {@code dimension_code}); for a contributions model, {@code none} and each of its sector
 * levels (each a column)
 * @param protectable whether it comes from a contributions model (a secrecy class other
 * than {@code none} needs one)
 */
public record Measure(String name, String table, List<String> dimensions, boolean protectable) {

	public Measure {
		dimensions = List.copyOf(dimensions);
	}

	/** A measure of a measure model, with its one dimension. */
	public Measure(String name, String table, String dimension) {
		this(name, table, List.of(dimension), false);
	}

	/**
	 * The dimension of a measure model's measure (the first of a contributions model).
	 */
	public String dimension() {
		return this.dimensions.get(0);
	}

	public boolean offers(String dimension) {
		return this.dimensions.contains(dimension);
	}

	/** Whether it is broken down by a classification (only) when summed. */
	public boolean hasDimension() {
		return !this.protectable && !"none".equals(dimension());
	}

	/**
	 * The SQL giving the code of a row of its table (aliased {@code m}) for an indicator
	 * of this dimension: {@code '_T'} for none.
	 */
	String codeOf(String dimension) {
		if ("none".equals(dimension)) {
			return Sql.literal(IndicatorSql.TOTAL);
		}
		return this.protectable ? "m." + Sql.identifier(dimension) : "m.dimension_code";
	}

	/**
	 * Every measure of the models, by name; a name offered by two models keeps the first
	 * (the duplicate is reported by {@link IndicatorChecks}).
	 */
	public static Map<String, Measure> of(ModelCatalog models) {
		Map<String, Measure> measures = new LinkedHashMap<>();
		for (SqlModel model : measureModels(models)) {
			var declared = model.spec().measures();
			if (declared != null) {
				for (String column : declared.columns()) {
					measures.putIfAbsent(column, new Measure(column, model.table(), declared.dimension()));
				}
			}
			else {
				var contributions = model.spec().contributions();
				List<String> dimensions = new ArrayList<>(List.of("none"));
				dimensions.addAll(contributions.sectors());
				measures.putIfAbsent(contributions.measure(),
						new Measure(contributions.measure(), model.table(), dimensions, true));
			}
		}
		return measures;
	}

	/** Models offering measures: measure models and contributions models. */
	static List<SqlModel> measureModels(ModelCatalog models) {
		List<SqlModel> found = new ArrayList<>();
		for (SqlModel model : models.models()) {
			if (model.spec().measures() != null || model.spec().contributions() != null) {
				found.add(model);
			}
		}
		return found;
	}

}
