package fr.territoire.secrecy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.config.Definition;
import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.indicator.Formula;
import fr.territoire.indicator.IndicatorCatalog;
import fr.territoire.indicator.IndicatorDefinition;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * What {@code territoire check} verifies of the secrecy classes of the indicators: a
 * protected numerator comes from a contributions model (secrecy needs its units), every
 * indicator of one measure has the same class (a public total would reveal the secret
 * cells of a protected breakdown), and the formula reads cells one by one (Krugman and
 * Herfindahl combine every sector of a territory: not supported under secrecy).
 */
public final class SecrecyChecks {

	private SecrecyChecks() {
	}

	public static List<Problem> problems(IndicatorCatalog indicators, ModelCatalog models) {
		List<Problem> problems = new ArrayList<>();
		Map<String, String> contributions = new HashMap<>();
		for (SqlModel model : models.models()) {
			if (model.spec().contributions() != null) {
				contributions.put(model.spec().contributions().measure(), model.name());
				if (!model.name().startsWith("contribution_") || model.layer() != SqlModel.Layer.MARTS) {
					problems.add(Problem.of("warehouse/models/" + model.layer().folder() + "/" + model.name() + ".yaml",
							"a contributions model holds units' figures: it must be warehouse/models/marts/"
									+ "contribution_<name>.sql, which territoire sql shows only to authorised analysts",
							"rename it contribution_" + model.spec().contributions().measure()));
				}
			}
		}
		Map<String, Definition<IndicatorDefinition>> firstOfMeasure = new HashMap<>();
		for (Definition<IndicatorDefinition> file : indicators.files()) {
			IndicatorDefinition indicator = file.spec();
			boolean protectedClass = !"none".equals(indicator.secrecy());
			if (protectedClass && !contributions.containsKey(indicator.numerator())) {
				problems.add(at(file, "secrecy",
						"secrecy " + indicator.secrecy() + " needs the units of measure '" + indicator.numerator()
								+ "', which no contributions model offers",
						"read the numerator from a model whose YAML has contributions: (unit_id, commune_code, period, "
								+ "sectors, the measure), or set secrecy: none"));
			}
			var formula = Formula.of(indicator.formula());
			if (protectedClass && formula.isPresent()
					&& (formula.get() == Formula.KRUGMAN || formula.get() == Formula.HERFINDAHL)) {
				problems.add(at(file, "formula",
						"formula " + indicator.formula()
								+ " combines every sector of a territory and cannot be published under secrecy "
								+ "class " + indicator.secrecy(),
						"use ratio, change or location_quotient, or set secrecy: none"));
			}
			Definition<IndicatorDefinition> first = firstOfMeasure.putIfAbsent(indicator.numerator(), file);
			if (first != null && !first.spec().secrecy().equals(indicator.secrecy())
					&& (protectedClass || !"none".equals(first.spec().secrecy()))) {
				problems.add(at(file, "secrecy",
						"secrecy " + indicator.secrecy() + " differs from " + first.spec().secrecy() + " of "
								+ first.shownAs() + ", which publishes the same measure '" + indicator.numerator()
								+ "': its cells would reveal the secret ones",
						"give every indicator of a measure the same secrecy class"));
			}
		}
		return problems;
	}

	private static Problem at(Definition<IndicatorDefinition> file, String key, String message, String hint) {
		return new Problem(file.shownAs(), YamlFiles.lineOfKey(file.file(), key, null), message, hint);
	}

}
