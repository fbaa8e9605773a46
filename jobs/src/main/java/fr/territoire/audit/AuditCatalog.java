package fr.territoire.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.ProjectFolders;
import fr.territoire.config.Problem;
import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;

/**
 * The audits of {@code warehouse/audits/}: {@code <model>__<rule>.sql} with a YAML beside
 * it.
 *
 * @param audits valid audits, by name
 * @param problems what is wrong with the others
 */
public record AuditCatalog(List<Audit> audits, List<Problem> problems) {

	public static AuditCatalog load(Path project) {
		Path folder = ProjectFolders.of(project).audits();
		List<Audit> audits = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (Definition<AuditSpec> definition : DefinitionFolder.read(project, folder, AuditSpec.class,
				DefinitionFolder.Kind.YAML_AND_SQL, List.of(), problems::add)) {
			audits.add(new Audit(definition.name(), definition.requiredSql(), definition.spec()));
		}
		return new AuditCatalog(List.copyOf(audits), List.copyOf(problems));
	}

}
