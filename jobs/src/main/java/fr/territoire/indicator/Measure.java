package fr.territoire.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * A measure indicators are made of: a column of a measure model (a model whose YAML has
 * {@code measures:}), one value per commune, period and, for a dimension, code.
 *
 * @param name the column, unique among measure models
 * @param table the measure model's table, e.g. {@code mart.measure_register_year}
 * @param dimension {@code none} or the classification of its {@code dimension_code}
 */
public record Measure(String name, String table, String dimension) {

	public boolean hasDimension() {
		return !"none".equals(this.dimension);
	}

	/**
	 * Every measure of the models, by name; a name offered by two models keeps the first
	 * (the duplicate is reported by {@link IndicatorChecks}).
	 */
	public static Map<String, Measure> of(ModelCatalog models) {
		Map<String, Measure> measures = new LinkedHashMap<>();
		for (SqlModel model : measureModels(models)) {
			var declared = model.spec().measures();
			for (String column : declared.columns()) {
				measures.putIfAbsent(column, new Measure(column, model.table(), declared.dimension()));
			}
		}
		return measures;
	}

	static List<SqlModel> measureModels(ModelCatalog models) {
		List<SqlModel> found = new ArrayList<>();
		for (SqlModel model : models.models()) {
			if (model.spec().measures() != null) {
				found.add(model);
			}
		}
		return found;
	}

}
