package fr.territoire.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.territoire.config.Definition;
import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.indicator.IndicatorCatalog;
import fr.territoire.indicator.IndicatorDefinition;
import fr.territoire.indicator.Measure;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.partner.PartnerFeed;
import fr.territoire.partner.PartnerSpec;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * The links between partners, their mappings and the indicators their data feeds.
 * <p>
 * Which indicators a source feeds is derived from the definitions, never declared: the
 * source's staging table ({@code staging.<target.table>} or its hand-written staging
 * model) and its harmonised view ({@code geography.<source>__harmonised}) are the start;
 * every model whose SQL names a table reached (schema-qualified, a textual search) is
 * reached in turn, until nothing changes; an indicator is fed when its numerator's or
 * denominator's measure is a column of a model reached. The lineage is at the grain of
 * tables: a measure model mixing register and partner columns credits the partner for all
 * its measures.
 */
final class PartnerLinks {

	private PartnerLinks() {
	}

	/**
	 * A mapping naming an unknown partner; a confidential partner's source feeding an
	 * indicator whose secrecy class is {@code none}.
	 */
	static List<Problem> problems(Path project, MappingCatalog mappings, List<Definition<PartnerSpec>> partners,
			IndicatorCatalog indicators, ModelCatalog models) {
		Map<String, PartnerSpec> byId = byId(partners);
		Map<String, IndicatorDefinition> indicatorsById = new LinkedHashMap<>();
		indicators.indicators().forEach((indicator) -> indicatorsById.put(indicator.id(), indicator));
		List<Problem> problems = new ArrayList<>();
		for (Mapping mapping : mappings.mappings()) {
			if (mapping.partner() == null) {
				continue;
			}
			Path file = mappingFile(project, mapping);
			String shownAs = project.relativize(file).toString();
			Integer line = YamlFiles.lineOfKey(file, "partner", null);
			PartnerSpec partner = byId.get(mapping.partner());
			if (partner == null) {
				problems.add(new Problem(shownAs, line, "unknown partner '" + mapping.partner() + "'",
						byId.isEmpty() ? "declare it in partners/" + mapping.partner() + ".yaml (see docs/partners.md)"
								: "known partners: " + String.join(", ", byId.keySet()) + "; or add partners/"
										+ mapping.partner() + ".yaml"));
				continue;
			}
			if (partner.isConfidential()) {
				for (String id : fedIndicators(mapping, indicators, models)) {
					IndicatorDefinition indicator = indicatorsById.get(id);
					if ("none".equals(indicator.secrecy())) {
						problems.add(new Problem(shownAs, line,
								"partner '" + mapping.partner() + "' is confidential but source '" + mapping.source()
										+ "' feeds indicator '" + id + "', whose secrecy is none",
								"give the indicator a secrecy class (frequency or business) from a contributions "
										+ "model, or declare the partner public"));
					}
				}
			}
		}
		return problems;
	}

	/** What each mapping with a known partner feeds, in mapping order. */
	static List<PartnerFeed> feeds(MappingCatalog mappings, List<Definition<PartnerSpec>> partners,
			IndicatorCatalog indicators, ModelCatalog models) {
		Map<String, PartnerSpec> byId = byId(partners);
		List<PartnerFeed> feeds = new ArrayList<>();
		for (Mapping mapping : mappings.mappings()) {
			if (mapping.partner() != null && byId.containsKey(mapping.partner())) {
				feeds.add(new PartnerFeed(mapping.partner(), mapping.source(),
						List.copyOf(fedIndicators(mapping, indicators, models))));
			}
		}
		return feeds;
	}

	/** The indicators whose measures are computed from a mapping's rows, sorted. */
	static Set<String> fedIndicators(Mapping mapping, IndicatorCatalog indicators, ModelCatalog models) {
		Set<String> reached = reachedTables(startTables(mapping, models), models);
		Map<String, Measure> measures = Measure.of(models);
		Set<String> fed = new TreeSet<>();
		for (IndicatorDefinition indicator : indicators.indicators()) {
			for (String name : new String[] { indicator.numerator(), indicator.denominator() }) {
				Measure measure = (name != null) ? measures.get(name) : null;
				if (measure != null && reached.contains(measure.table().toLowerCase(Locale.ROOT))) {
					fed.add(indicator.id());
				}
			}
		}
		return fed;
	}

	private static Set<String> startTables(Mapping mapping, ModelCatalog models) {
		Set<String> tables = new LinkedHashSet<>();
		try {
			tables.add(StagingLinks.stagingModel(models, mapping).table().toLowerCase(Locale.ROOT));
		}
		catch (IllegalStateException ex) {
			// no staging model: StagingLinks reports it
		}
		tables.add("geography." + mapping.source() + "__harmonised");
		return tables;
	}

	/** The tables reached from the start by models naming a reached table. */
	static Set<String> reachedTables(Set<String> start, ModelCatalog models) {
		Set<String> reached = new LinkedHashSet<>(start);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (SqlModel model : models.models()) {
				String table = model.table().toLowerCase(Locale.ROOT);
				if (!reached.contains(table) && reached.stream().anyMatch((read) -> names(model.sql(), read))) {
					reached.add(table);
					changed = true;
				}
			}
		}
		return reached;
	}

	private static boolean names(String sql, String table) {
		String[] parts = table.split("\\.", 2);
		return Pattern.compile("(?i)\\b" + Pattern.quote(parts[0]) + "\\s*\\.\\s*\"?" + Pattern.quote(parts[1]) + "\\b")
			.matcher(sql)
			.find();
	}

	private static Map<String, PartnerSpec> byId(List<Definition<PartnerSpec>> partners) {
		Map<String, PartnerSpec> byId = new LinkedHashMap<>();
		partners.forEach((definition) -> byId.put(definition.name(), definition.spec()));
		return byId;
	}

	private static Path mappingFile(Path project, Mapping mapping) {
		Path folder = project.resolve("mappings");
		Path yml = folder.resolve(mapping.source() + ".yml");
		return Files.isRegularFile(yml) ? yml : folder.resolve(mapping.source() + ".yaml");
	}

}
