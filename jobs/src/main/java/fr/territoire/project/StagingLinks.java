package fr.territoire.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.territoire.config.Problem;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.normalise.StagingSql;
import fr.territoire.normalise.StagingSqlCheck;
import fr.territoire.warehouse.MacroCatalog;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * The link between each mapping and the staging model that validates its rows: generated
 * from a mapping with a target table, otherwise exactly one hand-written model naming its
 * source.
 */
final class StagingLinks {

	private StagingLinks() {
	}

	static List<Problem> problems(MappingCatalog mappings, ModelCatalog models, MacroCatalog macros,
			DuckDbAnswers answers) {
		List<Problem> problems = new ArrayList<>();
		try (StagingSqlCheck check = new StagingSqlCheck(macros)) {
			for (Mapping mapping : mappings.mappings()) {
				problems.addAll(problems(mapping, models, macros, check, answers));
			}
		}
		return problems;
	}

	private static List<Problem> problems(Mapping mapping, ModelCatalog models, MacroCatalog macros,
			StagingSqlCheck check, DuckDbAnswers answers) {
		List<Problem> problems = new ArrayList<>();
		long staging = handWritten(models, mapping).size();
		String shownAs = "mappings/" + mapping.source() + ".yaml";
		if (mapping.isDeclarative()) {
			if (staging != 0) {
				problems.add(Problem.of(shownAs,
						"has a target table, so its staging model is generated, but " + staging
								+ " hand-written staging model(s) also name this source",
						"remove 'source: " + mapping.source() + "' from the hand-written model, or the mapping's "
								+ "target"));
			}
			answers
				.answer("staging-check", StagingSqlCheck.question(mapping, macros),
						() -> Optional.of(check.problem(mapping).orElse("")))
				.filter((message) -> !message.isEmpty())
				.ifPresent((message) -> problems.add(Problem.of(shownAs, message,
						"check the patterns, formats and references of the mapping's columns")));
		}
		else if (staging != 1) {
			problems.add(Problem.of(shownAs, "needs exactly one staging model, found " + staging,
					"add warehouse/models/staging/stg_<source>__<entity>.sql with 'source: " + mapping.source()
							+ "' in its YAML"));
		}
		return problems;
	}

	static SqlModel stagingModel(ModelCatalog models, Mapping mapping) {
		if (mapping.isDeclarative()) {
			return StagingSql.model(mapping);
		}
		List<SqlModel> matching = handWritten(models, mapping);
		if (matching.size() != 1) {
			throw new IllegalStateException("source " + mapping.source() + " needs exactly one staging model, found "
					+ matching.size() + ": the configuration should have been refused");
		}
		return matching.get(0);
	}

	private static List<SqlModel> handWritten(ModelCatalog models, Mapping mapping) {
		return models.layer(SqlModel.Layer.STAGING)
			.stream()
			.filter((model) -> mapping.source().equals(model.spec().source()))
			.toList();
	}

}
