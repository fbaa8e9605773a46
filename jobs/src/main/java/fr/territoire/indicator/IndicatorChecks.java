package fr.territoire.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.territoire.config.Definition;
import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * What {@code territoire check} says of the indicator definitions once the measure models
 * are known: an unknown measure, dimension, level, formula, period kind or secrecy class
 * is an error naming the file and the line of the key.
 */
public final class IndicatorChecks {

	/** The secrecy classes of the secrecy stage. */
	static final List<String> SECRECY = List.of("none", "frequency", "business");

	/** The columns every measure model has besides its measures. */
	private static final List<String> KEY_COLUMNS = List.of("commune_code", "period");

	private IndicatorChecks() {
	}

	public static List<Problem> problems(IndicatorCatalog catalog, ModelCatalog models) {
		List<Problem> problems = new ArrayList<>(measureModelProblems(models));
		Map<String, Measure> measures = Measure.of(models);
		Set<String> dimensions = new TreeSet<>();
		dimensions.add("none");
		measures.values().forEach((measure) -> dimensions.addAll(measure.dimensions()));
		for (Definition<IndicatorDefinition> file : catalog.files()) {
			problems.addAll(problems(file, measures, dimensions));
		}
		return problems;
	}

	private static List<Problem> problems(Definition<IndicatorDefinition> file, Map<String, Measure> measures,
			Set<String> dimensions) {
		IndicatorDefinition indicator = file.spec();
		List<Problem> problems = new ArrayList<>();
		Measure numerator = measures.get(indicator.numerator());
		if (numerator == null) {
			problems.add(at(file, "numerator", "unknown measure '" + indicator.numerator() + "'",
					"known measures: " + new TreeSet<>(measures.keySet())));
		}
		Measure denominator = (indicator.denominator() != null) ? measures.get(indicator.denominator()) : null;
		if (indicator.denominator() != null && denominator == null) {
			problems.add(at(file, "denominator", "unknown measure '" + indicator.denominator() + "'",
					"known measures: " + new TreeSet<>(measures.keySet())));
		}
		if (!dimensions.contains(indicator.dimension())) {
			problems.add(at(file, "dimension", "unknown dimension '" + indicator.dimension() + "'",
					"known dimensions (declared by the measure models): " + dimensions));
		}
		else if (numerator != null && !numerator.offers(indicator.dimension())) {
			problems.add(at(file, "dimension",
					"dimension '" + indicator.dimension() + "' differs from that of measure '" + numerator.name()
							+ "' (" + String.join(" or ", numerator.dimensions()) + ")",
					"set dimension: " + numerator.dimension()));
		}
		if (denominator != null && !denominator.offers("none") && !denominator.offers(indicator.dimension())) {
			problems.add(at(file, "denominator",
					"measure '" + denominator.name() + "' is broken down by " + denominator.dimension()
							+ ", the indicator by " + indicator.dimension(),
					"use a denominator without dimension or with the indicator's"));
		}
		for (String level : indicator.levels()) {
			if (!IndicatorDefinition.LEVELS.contains(level)) {
				problems.add(at(file, "levels", "unknown level '" + level + "'",
						"known levels: " + IndicatorDefinition.LEVELS));
			}
		}
		var formula = Formula.of(indicator.formula());
		if (formula.isEmpty()) {
			problems.add(at(file, "formula", "unknown formula '" + indicator.formula() + "'",
					"known formulas: " + java.util.Arrays.stream(Formula.values()).map(Formula::key).toList()));
		}
		else if (formula.get().overDimension() && !indicator.hasDimension()) {
			problems.add(at(file, "formula", "formula " + indicator.formula() + " is computed over a dimension",
					"set dimension: to the numerator's dimension"));
		}
		else if (formula.get() != Formula.RATIO && indicator.denominator() != null) {
			problems.add(at(file, "denominator", "formula " + indicator.formula() + " takes no denominator",
					"remove the denominator"));
		}
		if (!List.of("same", "latest").contains(indicator.denominatorPeriod())) {
			problems.add(
					at(file, "denominator_period", "unknown denominator_period '" + indicator.denominatorPeriod() + "'",
							"same (the numerator's period) or latest (the denominator's latest period)"));
		}
		if (!"year".equals(indicator.period())) {
			problems.add(at(file, "period", "unknown period kind '" + indicator.period() + "'", "known: [year]"));
		}
		if (!SECRECY.contains(indicator.secrecy())) {
			problems.add(at(file, "secrecy", "unknown secrecy class '" + indicator.secrecy() + "'",
					"known classes: " + SECRECY));
		}
		return problems;
	}

	/** Measure models must have the key columns, each measure described once. */
	private static List<Problem> measureModelProblems(ModelCatalog models) {
		List<Problem> problems = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		for (SqlModel model : Measure.measureModels(models)) {
			String shownAs = "warehouse/models/" + model.layer().folder() + "/" + model.name() + ".yaml";
			var measures = model.spec().measures();
			if (measures == null) {
				var contributions = model.spec().contributions();
				String other = seen.putIfAbsent(contributions.measure(), model.table());
				if (other != null) {
					problems.add(
							Problem.of(shownAs, "measure '" + contributions.measure() + "' is also offered by " + other,
									"measure names are unique across measure models: rename one"));
				}
				continue;
			}
			List<String> described = model.spec().columns().stream().map((column) -> column.name()).toList();
			List<String> required = new ArrayList<>(KEY_COLUMNS);
			if (measures.hasDimension()) {
				required.add("dimension_code");
			}
			required.addAll(measures.columns());
			for (String column : required) {
				if (!described.contains(column)) {
					problems.add(Problem.of(shownAs, "measure model lacks column '" + column + "' under columns",
							"a measure model has commune_code, period, dimension_code (with a dimension) and its "
									+ "measures, each described"));
				}
			}
			for (String column : measures.columns()) {
				String other = seen.putIfAbsent(column, model.table());
				if (other != null) {
					problems.add(Problem.of(shownAs, "measure '" + column + "' is also offered by " + other,
							"measure names are unique across measure models: rename one"));
				}
			}
		}
		return problems;
	}

	private static Problem at(Definition<IndicatorDefinition> file, String key, String message, String hint) {
		return new Problem(file.shownAs(), YamlFiles.lineOfKey(file.file(), key, null), message, hint);
	}

}
