package fr.territoire.geography;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.territoire.config.Problem;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * Every source declaring its commune column ({@code geography:} in its mapping or in its
 * hand-written staging model's YAML), sorted by source, and what is wrong with the
 * declarations as a whole: a source declared twice, a hand-written geography model named
 * like a generated one, or one that reads a generated table before it is built.
 *
 * @param sources the declared sources, by source name
 * @param problems what is wrong
 */
public record DeclaredSources(List<DeclaredSource> sources, List<Problem> problems) {

	public DeclaredSources {
		sources = List.copyOf(sources);
		problems = List.copyOf(problems);
	}

	public static DeclaredSources of(MappingCatalog mappings, ModelCatalog models) {
		Map<String, DeclaredSource> bySource = new HashMap<>();
		List<Problem> problems = new ArrayList<>();
		Set<String> mapped = mappings.mappings().stream().map(Mapping::source).collect(Collectors.toSet());
		for (Mapping mapping : mappings.mappings()) {
			if (mapping.geography() != null && mapping.target() != null) {
				bySource.put(mapping.source(), new DeclaredSource(mapping.source(), mapping.target().qualifiedTable(),
						mapping.geography(), "mappings/" + mapping.source() + ".yaml"));
			}
		}
		for (SqlModel model : models.layer(SqlModel.Layer.STAGING)) {
			String source = model.spec().source();
			if (model.spec().geography() == null || source == null) {
				continue;
			}
			String shownAs = "warehouse/models/staging/" + model.name() + ".yaml";
			if (!mapped.contains(source)) {
				problems.add(
						Problem.of(shownAs, "geography is declared for source '" + source + "', which no mapping reads",
								"add mappings/" + source + ".yaml, or fix 'source:'"));
			}
			else if (bySource.containsKey(source)) {
				problems.add(Problem.of(shownAs,
						"geography of source '" + source + "' is also declared by " + bySource.get(source).declaredIn(),
						"declare it once, where the staged columns are defined"));
			}
			else {
				bySource.put(source, new DeclaredSource(source, model.table(), model.spec().geography(), shownAs));
			}
		}
		List<DeclaredSource> sources = bySource.values()
			.stream()
			.sorted(Comparator.comparing(DeclaredSource::source))
			.toList();
		problems.addAll(GeographyPlan.problems(models.layer(SqlModel.Layer.GEOGRAPHY), sources));
		return new DeclaredSources(sources, problems);
	}

}
