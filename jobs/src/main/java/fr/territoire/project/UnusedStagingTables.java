package fr.territoire.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.geography.DeclaredSources;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.normalise.StagingSql;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;

/**
 * Staging tables that feed nothing: a hand-written staging model or a mapping's target
 * table that no model, audit or indicator reads (a textual search for {@code staging.
 *
<table>
 * } in the SQL and YAML of {@code warehouse/}), nor any mapping's reference rule, nor the
 * geography step (a source declaring its commune column). Reported as warnings: loading a
 * source before writing its models is legitimate, but it is work the nightly does for
 * nothing.
 */
final class UnusedStagingTables {

	private UnusedStagingTables() {
	}

	/** One warning per staging table nothing reads. */
	static List<Problem> warnings(Path project, MappingCatalog mappings, ModelCatalog models,
			DeclaredSources geography) {
		Map<String, String> declaredIn = new LinkedHashMap<>();
		for (SqlModel model : models.layer(SqlModel.Layer.STAGING)) {
			declaredIn.put(model.name(), "warehouse/models/staging/" + model.name() + ".sql");
		}
		List<String> references = new ArrayList<>();
		geography.sources().forEach((source) -> references.add(source.table()));
		for (Mapping mapping : mappings.mappings()) {
			if (mapping.isDeclarative()) {
				declaredIn.putIfAbsent(mapping.target().table(), "mappings/" + mapping.source() + ".yaml");
				references.addAll(StagingSql.references(mapping));
			}
		}
		Map<Path, String> readers = readers(project.resolve("warehouse"));
		List<Problem> warnings = new ArrayList<>();
		declaredIn.forEach((table, file) -> {
			Pattern read = Pattern.compile("(?i)\\bstaging\\s*\\.\\s*\"?" + Pattern.quote(table) + "\\b");
			Path own = project.resolve("warehouse/models/staging/" + table + ".sql");
			boolean isRead = references.contains("staging." + table) || readers.entrySet()
				.stream()
				.anyMatch((reader) -> !reader.getKey().equals(own) && read.matcher(reader.getValue()).find());
			if (!isRead) {
				warnings.add(Problem.warning(file,
						"staging." + table
								+ " feeds nothing: no model, audit, indicator or geography declaration reads it",
						"read it from a model, or stop loading the source"));
			}
		});
		return warnings;
	}

	/** The SQL and YAML text of the warehouse folder, by file. */
	static Map<Path, String> readers(Path warehouse) {
		Map<Path, String> texts = new LinkedHashMap<>();
		List<Path> files = new ArrayList<>(YamlFiles.list(warehouse, "*.sql"));
		files.addAll(YamlFiles.list(warehouse, "*.yaml"));
		for (Path file : files) {
			try {
				texts.put(file, Files.readString(file));
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read " + file + ": " + ex.getMessage(), ex);
			}
		}
		return texts;
	}

}
