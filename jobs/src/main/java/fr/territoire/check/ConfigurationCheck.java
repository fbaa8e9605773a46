package fr.territoire.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.territoire.audit.AuditCatalog;
import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.schedule.ScheduleEntry;
import fr.territoire.indicator.IndicatorCatalog;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.publish.PublicationSpec;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * Validates every configuration file of the project without touching data: mappings,
 * models, audits, indicators, publication and schedules, and the links between them.
 */
public final class ConfigurationCheck {

	/** Jobs the application defines. */
	public static final Set<String> JOBS = Set.of("nightly");

	private ConfigurationCheck() {
	}

	/** Every problem found, empty when the configuration is valid. */
	public static List<Problem> run(Path project) {
		List<Problem> problems = new ArrayList<>();
		MappingCatalog mappings = MappingCatalog.load(project);
		ModelCatalog models = ModelCatalog.load(project);
		problems.addAll(mappings.problems());
		problems.addAll(models.problems());
		problems.addAll(AuditCatalog.load(project).problems());
		IndicatorCatalog indicators = IndicatorCatalog.load(project);
		problems.addAll(indicators.problems());
		if (indicators.indicators().isEmpty() && indicators.problems().isEmpty()) {
			problems.add(Problem.of("warehouse/indicators", "no indicator defined",
					"add at least one warehouse/indicators/<id>.yaml"));
		}
		PublicationSpec.load(project, problems);
		problems.addAll(WarehouseYamlCheck.problems(project, models));
		for (Mapping mapping : mappings.mappings()) {
			long staging = models.layer(SqlModel.Layer.STAGING)
				.stream()
				.filter((model) -> mapping.source().equals(model.spec().source()))
				.count();
			String shownAs = "mappings/" + mapping.source() + ".yaml";
			if (mapping.isDeclarative()) {
				if (staging != 0) {
					problems.add(Problem.of(shownAs,
							"has a target table, so its staging model is generated, but " + staging
									+ " hand-written staging model(s) also name this source",
							"remove 'source: " + mapping.source() + "' from the hand-written model, or the mapping's "
									+ "target"));
				}
				fr.territoire.normalise.StagingSqlCheck.problem(mapping)
					.ifPresent((message) -> problems.add(Problem.of(shownAs, message,
							"check the patterns, formats and references of the mapping's columns")));
				continue;
			}
			if (staging != 1) {
				problems.add(Problem.of("mappings/" + mapping.source() + ".yaml",
						"needs exactly one staging model, found " + staging,
						"add warehouse/models/staging/stg_<source>__<entity>.sql with 'source: " + mapping.source()
								+ "' in its YAML"));
			}
		}
		for (Path file : YamlFiles.list(project.resolve("schedules"), "*.yaml")) {
			String shownAs = project.relativize(file).toString();
			ScheduleEntry entry = YamlFiles.read(file, ScheduleEntry.class, shownAs, problems::add);
			if (entry != null && !JOBS.contains(entry.job())) {
				problems.add(Problem.of(shownAs, "unknown job '" + entry.job() + "'", "known jobs: " + JOBS));
			}
		}
		return problems;
	}

}
