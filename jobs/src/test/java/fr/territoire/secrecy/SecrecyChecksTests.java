package fr.territoire.secrecy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code territoire check} refuses, with the file and the line, what would publish a
 * protected figure unprotected: a secrecy class on a measure that has no units to check,
 * a public indicator of a protected measure, a formula combining every sector under
 * secrecy, and thresholds that mean nothing.
 */
class SecrecyChecksTests {

	private static final String INDICATOR = """
			id: test_indicator
			label: Test
			description: test
			unit: u
			formula: %s
			numerator: %s
			dimension: %s
			levels: [epci, france]
			secrecy: %s
			""";

	@Test
	void refusesASecrecyClassOnAMeasureWithoutUnits(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		write(project, "ratio", "active_establishments", "none", "frequency");
		assertThat(errors(project)).contains(tuple("warehouse/indicators/test_indicator.yaml", 9,
				"secrecy frequency needs the units of measure 'active_establishments', which no contributions model "
						+ "offers"));
	}

	@Test
	void refusesAPublicIndicatorOfAProtectedMeasure(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		write(project, "ratio", "partner_turnover", "filiere", "none");
		// the partner check refuses it too: the members workbook's partner is
		// confidential (docs/partners.md)
		assertThat(errors(project)).extracting((error) -> error.toList().get(0), (error) -> error.toList().get(2))
			.contains(tuple("mappings/partner_members.yaml",
					"partner 'cluster-aero-grand-est' is confidential but source 'partner_members' feeds indicator "
							+ "'test_indicator', whose secrecy is none"));
		assertThat(errors(project))
			.filteredOn((error) -> !error.toList().get(0).equals("mappings/partner_members.yaml"))
			.extracting((error) -> error.toList().get(1), (error) -> error.toList().get(2))
			.singleElement()
			.satisfies((error) -> assertThat(error.toList().get(0)).isEqualTo(9))
			.satisfies((error) -> assertThat((String) error.toList().get(1))
				.startsWith("secrecy none differs from business of warehouse/indicators/partner_turnover"));
	}

	@Test
	void refusesKrugmanAndHerfindahlUnderSecrecy(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		write(project, "herfindahl", "partner_turnover", "filiere", "business");
		assertThat(errors(project)).containsExactly(tuple("warehouse/indicators/test_indicator.yaml", 5,
				"formula herfindahl combines every sector of a territory and cannot be published under secrecy class "
						+ "business"));
	}

	@Test
	void refusesADominanceThatIsNotAShare(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Path settings = project.resolve("warehouse/secrecy.yaml");
		Files.writeString(settings, Files.readString(settings).replace("dominance: 0.85", "dominance: 85"));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors()).extracting(Problem::file)
			.containsExactly("warehouse/secrecy.yaml");
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors().get(0).message())
			.contains("dominance is a share of the cell's value, above 0 and at most 1, not 85.0");
	}

	@Test
	void readsTheShippedSettingsAndProtectedTables(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).isEmpty();
		assertThat(configuration.secrecy()).isEqualTo(new SecrecySettings(3, 0.85, true, "gaussian", 0.10));
		assertThat(configuration.protectedTables())
			.extracting(ProtectedTable::measure, ProtectedTable::secrecyClass, ProtectedTable::sectors)
			.containsExactly(tuple("partner_turnover", "business", java.util.List.of("filiere")));
		assertThat(configuration.protectedTables().get(0).published()).containsExactlyInAnyOrder("epci|total",
				"departement|total", "region|total", "france|total", "epci|filiere", "departement|filiere",
				"region|filiere", "france|filiere");
	}

	private static void write(Path project, String formula, String numerator, String dimension, String secrecy)
			throws IOException {
		Files.writeString(project.resolve("warehouse/indicators/test_indicator.yaml"),
				INDICATOR.formatted(formula, numerator, dimension, secrecy));
	}

	private static java.util.List<org.assertj.core.groups.Tuple> errors(Path project) {
		return ProjectConfiguration.load(project, Jobs.NAMES)
			.errors()
			.stream()
			.map((problem) -> tuple(problem.file(), problem.line(), problem.message()))
			.toList();
	}

}
