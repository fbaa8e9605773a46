package fr.territoire.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.support.SampleExpectations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationCheckTests {

	static final Path PROJECT = Path.of(System.getProperty("territoire.project-dir", ".."))
		.toAbsolutePath()
		.normalize();

	@Test
	void shippedConfigurationIsValid() {
		assertThat(ConfigurationCheck.run(PROJECT)).isEmpty();
	}

	@Test
	void reportsUnknownKeyWithItsLineAndKnownKeys(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/cog_region.yaml"), """
				source: cog_region
				description: régions
				files: ["cog-*/regions.json"]
				format: json
				colums: [code, nom]
				""");
		List<Problem> problems = ConfigurationCheck.run(project);
		assertThat(problems).hasSize(1);
		Problem problem = problems.get(0);
		assertThat(problem.file()).isEqualTo("mappings/cog_region.yaml");
		assertThat(problem.line()).isEqualTo(5);
		assertThat(problem.message()).isEqualTo("unknown key 'colums'");
		assertThat(problem.hint()).contains("columns");
	}

	@Test
	void reportsDuplicateColumnAndMissingSheet(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/cog_region.yaml"), """
				source: cog_region
				description: régions
				files: ["cog-*/regions.json"]
				format: json
				columns: [code, nom, code]
				""");
		Files.writeString(project.resolve("mappings/insee_population_commune.yaml"), """
				source: insee_population_commune
				description: populations
				files: ["populations/*.xlsx"]
				format: xlsx
				columns: [Code commune]
				""");
		List<Problem> problems = ConfigurationCheck.run(project);
		assertThat(problems).extracting(Problem::file, Problem::message)
			.contains(org.assertj.core.groups.Tuple.tuple("mappings/cog_region.yaml", "column 'code' is listed twice"),
					org.assertj.core.groups.Tuple.tuple("mappings/insee_population_commune.yaml",
							"an xlsx mapping needs a sheet (or sheet_position, not both) and a header (row or contains)"));
	}

	@Test
	void reportsUnknownEncoding(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/cog_region.yaml"), """
				source: cog_region
				description: régions
				files: ["cog-*/regions.csv"]
				format: csv
				encoding: latin-9000
				columns: [code, nom]
				""");
		List<Problem> problems = ConfigurationCheck.run(project);
		assertThat(problems).extracting(Problem::file, Problem::message)
			.contains(org.assertj.core.groups.Tuple.tuple("mappings/cog_region.yaml", "unknown encoding 'latin-9000'"));
	}

	@Test
	void reportsBadCronExpression(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("schedules/nightly.yaml"), """
				job: nightly
				cron: "0 30 25 * * *"
				zone: Europe/Paris
				description: broken
				""");
		List<Problem> problems = ConfigurationCheck.run(project);
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("schedules/nightly.yaml");
			assertThat(problem.message()).contains("0 30 25 * * *");
		});
	}

	@Test
	void reportsMappingWithoutStagingModel(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/partner_parc.yaml"), """
				source: partner_parc
				description: a partner list
				files: ["partners/*.csv"]
				format: csv
				columns: [siret]
				""");
		assertThat(ConfigurationCheck.run(project)).singleElement()
			.satisfies(
					(problem) -> assertThat(problem.message()).isEqualTo("needs exactly one staging model, found 0"));
	}

	@Test
	void reportsUnknownTypeTransformAndRuleWithTheirLine(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/partner_etablissements.yaml"), """
				source: partner_etablissements
				description: partner
				files: ["partners/*.xlsx"]
				format: xlsx
				sheet_position: 1
				header: {row: 1}
				target: {table: stg_partner__etablissements}
				columns:
				  - name: Siret
				    type: number
				""");
		Files.writeString(project.resolve("mappings/insee_comparateur.yaml"), """
				source: insee_comparateur
				description: comparateur
				files: ["statistics/*.csv"]
				format: csv
				target: {table: stg_insee__comparateur}
				columns:
				  - name: CODGEO
				    type: code
				    transform: [trim, pad_left]
				""");
		Files.writeString(project.resolve("mappings/insee_revenus_iris.yaml"), """
				source: insee_revenus_iris
				description: revenus
				files: ["statistics/*.csv"]
				format: csv
				target: {table: stg_insee__revenus_iris}
				columns:
				  - name: IRIS
				    type: code
				    rules:
				      - required
				      - {pattern: "[0-9]{5"}
				""");
		List<Problem> problems = ConfigurationCheck.run(project);
		assertThat(problems).extracting(Problem::file, Problem::line)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("mappings/insee_comparateur.yaml", 9),
					org.assertj.core.groups.Tuple.tuple("mappings/insee_revenus_iris.yaml", 11),
					org.assertj.core.groups.Tuple.tuple("mappings/partner_etablissements.yaml", 10));
		assertThat(problems).extracting(Problem::message)
			.anySatisfy((message) -> assertThat(message).startsWith("unknown type 'number'; known types: text, code"))
			.anySatisfy((message) -> assertThat(message).startsWith("unknown transform 'pad_left'; known transforms:")
				.contains("left_pad"))
			.anySatisfy((message) -> assertThat(message).startsWith("bad pattern '[0-9]{5'"));
	}

	@Test
	void reportsTypedColumnsWithoutTargetTableAndKeysThatAreNotColumns(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/insee_comparateur.yaml"), """
				source: insee_comparateur
				description: comparateur
				files: ["statistics/*.csv"]
				format: csv
				columns:
				  - name: CODGEO
				    type: code
				""");
		Files.writeString(project.resolve("mappings/insee_revenus_iris.yaml"), """
				source: insee_revenus_iris
				description: revenus
				files: ["statistics/*.csv"]
				format: csv
				target: {table: stg_insee__revenus_iris, key: [iris]}
				columns:
				  - name: IRIS
				    target: iris_code
				  - name: COM
				    target: iris_code
				""");
		List<Problem> problems = ConfigurationCheck.run(project);
		assertThat(problems).extracting(Problem::file, Problem::message)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("mappings/insee_comparateur.yaml",
					"column 'CODGEO' has a target, type, transform, rules, concat or from_file: these need a 'target' "
							+ "table for the mapping (or a hand-written staging model and plain header names)"),
					org.assertj.core.groups.Tuple.tuple("mappings/insee_revenus_iris.yaml",
							"two columns have the target 'iris_code'"));
	}

	@Test
	void reportsAPatternDuckDbRefusesThoughJavaAcceptsIt(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/insee_revenus_iris.yaml"), """
				source: insee_revenus_iris
				description: revenus
				files: ["statistics/*.csv"]
				format: csv
				target: {table: stg_insee__revenus_iris}
				columns:
				  - name: IRIS
				    rules: [{pattern: "(?=[0-9])[0-9]{9}"}]
				""");
		assertThat(ConfigurationCheck.run(project)).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("mappings/insee_revenus_iris.yaml");
			assertThat(problem.message()).startsWith("DuckDB refuses the generated staging model:");
		});
	}

	@Test
	void readsAMappingWrittenAsYml(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		String comparateur = Files.readString(project.resolve("mappings/insee_comparateur.yaml"));
		Files.writeString(project.resolve("mappings/mine.yml"),
				comparateur.replace("source: insee_comparateur", "source: mine")
					.replace("stg_insee__comparateur", "stg_mine") + "frobnicate: true\n");
		List<Problem> problems = ConfigurationCheck.run(project);
		assertThat(problems).extracting(Problem::file, Problem::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("mappings/mine.yml", "unknown key 'frobnicate'"));
		Files.writeString(project.resolve("mappings/mine.yml"),
				comparateur.replace("source: insee_comparateur", "source: mine")
					.replace("stg_insee__comparateur", "stg_mine"));
		assertThat(ConfigurationCheck.load(project).mapping("mine")).isPresent();
		assertThat(ConfigurationCheck.load(project).errors()).isEmpty();
	}

	@Test
	void warnsAboutAStrayFileInMappingsWithoutInvalidatingTheConfiguration(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("mappings/notes.txt"), "to do: the partner's new workbook");
		var configuration = ConfigurationCheck.load(project);
		assertThat(configuration.errors()).isEmpty();
		assertThat(configuration.warnings()).extracting(Problem::file, Problem::message)
			.contains(org.assertj.core.groups.Tuple.tuple("mappings/notes.txt",
					"is not read: mappings holds .yaml or .yml files"));
	}

	@Test
	void failsOnAModelWithoutYaml(@TempDir Path project) throws IOException {
		copyConfiguration(project);
		Files.writeString(project.resolve("warehouse/models/marts/orphan.sql"), "SELECT 1 AS one");
		assertThat(ConfigurationCheck.load(project).errors()).extracting(Problem::file, Problem::message)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("warehouse/models/marts/orphan.sql", "has no YAML beside it"));
	}

	static void copyConfiguration(Path target) throws IOException {
		SampleExpectations.copyConfiguration(target);
	}

}
