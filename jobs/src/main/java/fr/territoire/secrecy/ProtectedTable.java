package fr.territoire.secrecy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.territoire.indicator.IndicatorCatalog;
import fr.territoire.indicator.IndicatorDefinition;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * A measure statistical secrecy protects: the numerator of indicators of the class
 * {@code frequency} or {@code business}, read unit by unit from its contributions model.
 *
 * @param measure the measure, also the table's name in {@code mart.secrecy_*}
 * @param secrecyClass {@code frequency} (counts of units) or {@code business} (sums over
 * units: the dominance rule applies too)
 * @param model the contributions model's table, e.g. {@code mart.contribution_employees}
 * @param sectors its sector levels, coarse to fine
 * @param published what its indicators publish: {@code level|sector level} ({@code total}
 * for an indicator without dimension)
 */
public record ProtectedTable(String measure, String secrecyClass, String model, List<String> sectors,
		Set<String> published) {

	public ProtectedTable {
		sectors = List.copyOf(sectors);
		published = Set.copyOf(published);
	}

	/** The sector level a cell of an indicator of this dimension belongs to. */
	public static String sectorLevel(String dimension) {
		return "none".equals(dimension) ? "total" : dimension;
	}

	/**
	 * The protected tables of a configuration, in the order of their first indicator; an
	 * indicator whose numerator has no contributions model is left out (reported by
	 * {@link SecrecyChecks}).
	 */
	public static List<ProtectedTable> of(IndicatorCatalog indicators, ModelCatalog models) {
		Map<String, SqlModel> contributions = new LinkedHashMap<>();
		for (SqlModel model : models.models()) {
			if (model.spec().contributions() != null) {
				contributions.putIfAbsent(model.spec().contributions().measure(), model);
			}
		}
		Map<String, List<IndicatorDefinition>> byMeasure = new LinkedHashMap<>();
		for (IndicatorDefinition indicator : indicators.indicators()) {
			if (!"none".equals(indicator.secrecy()) && contributions.containsKey(indicator.numerator())) {
				byMeasure.computeIfAbsent(indicator.numerator(), (key) -> new ArrayList<>()).add(indicator);
			}
		}
		List<ProtectedTable> tables = new ArrayList<>();
		byMeasure.forEach((measure, protecting) -> {
			SqlModel model = contributions.get(measure);
			Set<String> published = new LinkedHashSet<>();
			for (IndicatorDefinition indicator : indicators.indicators()) {
				if (indicator.numerator().equals(measure)) {
					indicator.levels()
						.forEach((level) -> published.add(level + "|" + sectorLevel(indicator.dimension())));
				}
			}
			boolean business = protecting.stream().anyMatch((indicator) -> "business".equals(indicator.secrecy()));
			tables.add(new ProtectedTable(measure, business ? "business" : "frequency", model.table(),
					model.spec().contributions().sectors(), published));
		});
		return tables;
	}

}
