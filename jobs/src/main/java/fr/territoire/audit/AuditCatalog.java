package fr.territoire.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;

/**
 * The audits of {@code warehouse/audits/}: {@code <model>__<rule>.sql} with a YAML beside
 * it.
 *
 * @param audits valid audits, by name
 * @param problems what is wrong with the others
 */
public record AuditCatalog(List<Audit> audits, List<Problem> problems) {

	public static AuditCatalog load(Path project) {
		Path folder = project.resolve("warehouse").resolve("audits");
		List<Audit> audits = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (Path sqlFile : YamlFiles.list(folder, "*.sql")) {
			String name = sqlFile.getFileName().toString().replaceFirst("\\.sql$", "");
			Path yamlFile = sqlFile.resolveSibling(name + ".yaml");
			String shownAs = project.relativize(sqlFile).toString();
			if (!Files.isRegularFile(yamlFile)) {
				problems.add(Problem.of(shownAs, "the audit has no YAML beside it",
						"add " + name + ".yaml with description and blocking"));
				continue;
			}
			AuditSpec spec = YamlFiles.read(yamlFile, AuditSpec.class, project.relativize(yamlFile).toString(),
					problems::add);
			try {
				String sql = Files.readString(sqlFile).strip().replaceFirst(";\\s*$", "");
				if (sql.isBlank()) {
					problems.add(Problem.of(shownAs, "the audit is empty", "write a SELECT of the offending rows"));
				}
				else if (spec != null) {
					audits.add(new Audit(name, sql, spec));
				}
			}
			catch (IOException ex) {
				problems.add(Problem.of(shownAs, "cannot read: " + ex.getMessage(), "check the file's permissions"));
			}
		}
		return new AuditCatalog(List.copyOf(audits), List.copyOf(problems));
	}

}
