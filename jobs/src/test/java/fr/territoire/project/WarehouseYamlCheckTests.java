package fr.territoire.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.support.SampleExpectations;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.territoire.support.SampleExpectations.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What {@code territoire check} finds across the warehouse's YAML: published columns
 * without description in their public model, and staging tables that feed nothing.
 */
class WarehouseYamlCheckTests {

	@Test
	void tellsThePublishedColumnsOfPublicModelsWithoutData() {
		ModelCatalog models = ModelCatalog.load(PROJECT);
		ModelColumns columns = new ModelColumns(models, DuckDbAnswers.none());
		assertThat(columns.of(publicModel(models, "territory"))).containsExactly("level", "level_order", "code", "name",
				"epci_code", "epci_name", "departement_code", "departement_name", "region_code", "region_name");
		assertThat(columns.of(publicModel(models, "commune_measure"))).containsExactly("commune_code", "commune_name",
				"period", "active_establishments", "active_employer_establishments", "active_naf_rev2",
				"partner_members", "population_municipale");
		assertThat(columns.of(publicModel(models, "establishment"))).hasSize(39)
			.startsWith("siret", "siren", "nic")
			.endsWith("coordonnee_lambert_abscisse", "coordonnee_lambert_ordonnee");
		// mart.indicator is built by the indicators step, not by a model: checked at
		// publication
		assertThat(columns.of(publicModel(models, "indicator"))).isEmpty();
	}

	@Test
	void reportsAPublishedColumnWithoutDescriptionNamingTheModelYamlAndTheColumn(@TempDir Path project)
			throws IOException {
		SampleExpectations.copyConfiguration(project);
		Path yaml = project.resolve("warehouse/models/public/establishment.yaml");
		Files.writeString(yaml, Files.readString(yaml)
			.replace(
					"  - name: libelle_voie\n    title: Libellé de voie\n    description: nom de la voie (vide pour les unités P)\n",
					""));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors())
			.extracting(Problem::file, Problem::message, Problem::isError)
			.containsExactly(tuple("warehouse/models/public/establishment.yaml",
					"column libelle_voie is published (establishments) but has no description", true));
	}

	@Test
	void warnsAboutStagingTablesThatFeedNothing() {
		assertThat(unusedStaging(PROJECT)).allMatch((problem) -> !problem.isError())
			.extracting(Problem::file)
			.containsExactly("warehouse/models/staging/stg_cog__event_historical.sql",
					"mappings/insee_populations_departements.yaml", "mappings/insee_populations_regions.yaml");
	}

	@Test
	void aStagingTableReadByAnAuditOrAModelFeedsSomething(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("warehouse/audits/partner__empty.sql"),
				"select 1 from (select count(*) as n from staging.stg_partner__etablissements) where n = 0");
		Files.writeString(project.resolve("warehouse/audits/partner__empty.yaml"),
				"description: the partner's workbook is not empty\nblocking: false\nafter: staging\n");
		Files.writeString(project.resolve("warehouse/models/marts/departement_population.sql"),
				"select * from staging.stg_insee__populations_departements");
		Files.writeString(project.resolve("warehouse/models/marts/departement_population.yaml"),
				"description: populations\ngrain: one row per département and edition\n");
		List<String> files = unusedStaging(project).stream().map(Problem::file).toList();
		assertThat(files).containsExactly("warehouse/models/staging/stg_cog__event_historical.sql",
				"mappings/insee_populations_regions.yaml");
	}

	@Test
	void reportsAnAuditReadingThePublicLayerWithoutRunningAfterIt(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Path yaml = project.resolve("warehouse/audits/establishment__published_address_of_partially_diffusible.yaml");
		Files.writeString(yaml, Files.readString(yaml).replace("after: public\n", ""));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors()).extracting(Problem::file, Problem::message)
			.containsExactly(tuple("warehouse/audits/establishment__published_address_of_partially_diffusible.yaml",
					"the audit reads tables of the public layer but runs after marts"));
	}

	private static List<Problem> unusedStaging(Path project) {
		return ProjectConfiguration.load(project, Jobs.NAMES)
			.warnings()
			.stream()
			.filter((problem) -> problem.message().contains("feeds nothing"))
			.toList();
	}

	private static SqlModel publicModel(ModelCatalog models, String name) {
		return models.layer(SqlModel.Layer.PUBLIC)
			.stream()
			.filter((model) -> model.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
