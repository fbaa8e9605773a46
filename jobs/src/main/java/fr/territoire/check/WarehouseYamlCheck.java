package fr.territoire.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.audit.AuditCatalog;
import fr.territoire.audit.AuditOrder;
import fr.territoire.audit.ModelTestAudits;
import fr.territoire.config.Problem;
import fr.territoire.publish.PublicationSpec;
import fr.territoire.publish.PublishedColumns;
import fr.territoire.warehouse.ModelCatalog;

/**
 * What the models' and audits' YAML must agree with beyond each file: the targets of
 * relationship tests, audits running after the layer of what they read, and a description
 * for every published column (in the public model's YAML).
 */
final class WarehouseYamlCheck {

	private WarehouseYamlCheck() {
	}

	static List<Problem> problems(Path project, ModelCatalog models) {
		List<Problem> problems = new ArrayList<>(ModelTestAudits.problems(models));
		problems.addAll(AuditOrder.problems(AuditCatalog.load(project)));
		// publish.yaml's own problems are reported by ConfigurationCheck
		PublicationSpec publication = PublicationSpec.load(project, new ArrayList<>());
		if (publication != null) {
			problems.addAll(PublishedColumns.problems(publication, models, new ModelColumns(models)::of));
		}
		return problems;
	}

}
