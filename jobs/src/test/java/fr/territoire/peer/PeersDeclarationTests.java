package fr.territoire.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code warehouse/peers.yaml} is read through the project's configuration: what
 * {@code territoire check} and {@code territoire run} both see, with every mistake named
 * by file and line.
 */
class PeersDeclarationTests {

	@Test
	void readsTheShippedDeclaration(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).isEmpty();
		PeerSpec peers = configuration.requiredPeers();
		assertThat(peers.k()).isEqualTo(10);
		assertThat(peers.levels()).extracting(PeerSpec.Level::level, PeerSpec.Level::groupBy)
			.containsExactly(tuple("commune", "density_level"), tuple("epci", null), tuple("departement", null));
		assertThat(peers.features())
			.extracting(PeerSpec.Feature::name, PeerSpec.Feature::indicator, PeerSpec.Feature::dimension,
					PeerSpec.Feature::transform, PeerSpec.Feature::weight)
			.containsExactly(tuple("population", "population_municipale", null, PeerSpec.Transform.LOG, 1.0),
					tuple("density", "establishment_density", null, PeerSpec.Transform.LOG, 1.0),
					tuple("sectors", "naf_section_share", "naf_section", PeerSpec.Transform.NONE, 1.0),
					tuple("creation_rate", "creation_rate", null, PeerSpec.Transform.NONE, 1.0),
					tuple("employer_share", "employer_share", null, PeerSpec.Transform.NONE, 1.0));
	}

	@Test
	void rejectsAnUnknownLevelWithItsLine(@TempDir Path project) throws IOException {
		List<Problem> errors = errorsWith(project, """
				k: 10
				levels:
				  - level: commune
				    group_by: density_level
				  - level: canton
				features:
				  - {name: population, indicator: population_municipale, transform: log, weight: 1}
				""");
		assertThat(errors).extracting(Problem::file, Problem::line).containsExactly(tuple("warehouse/peers.yaml", 5));
		assertThat(errors.get(0).message()).contains("unknown level 'canton'");
	}

	@Test
	void rejectsABadK(@TempDir Path project) throws IOException {
		List<Problem> errors = errorsWith(project, """
				k: 0
				levels:
				  - level: epci
				features:
				  - {name: population, indicator: population_municipale, transform: log, weight: 1}
				""");
		assertThat(errors).extracting(Problem::file, Problem::line).containsExactly(tuple("warehouse/peers.yaml", 1));
		assertThat(errors.get(0).message()).contains("k must be between 1 and 100, not 0");
	}

	@Test
	void rejectsANegativeWeightWithItsLine(@TempDir Path project) throws IOException {
		List<Problem> errors = errorsWith(project, """
				k: 10
				levels:
				  - level: epci
				features:
				  - name: population
				    indicator: population_municipale
				    weight: -1
				""");
		assertThat(errors).extracting(Problem::file, Problem::line).containsExactly(tuple("warehouse/peers.yaml", 7));
		assertThat(errors.get(0).message()).contains("a weight must be a positive number, not -1.0");
	}

	@Test
	void rejectsAnUnknownTransform(@TempDir Path project) throws IOException {
		List<Problem> errors = errorsWith(project, """
				k: 10
				levels:
				  - level: epci
				features:
				  - name: population
				    indicator: population_municipale
				    transform: sqrt
				    weight: 1
				""");
		assertThat(errors).extracting(Problem::file, Problem::line).containsExactly(tuple("warehouse/peers.yaml", 7));
	}

	@Test
	void requiresEveryContributionColumnToBeDocumented(@TempDir Path project) throws IOException {
		List<Problem> errors = errorsWith(project, """
				k: 10
				levels:
				  - level: epci
				features:
				  - {name: population, indicator: population_municipale, transform: log, weight: 1}
				  - {name: unemployment, indicator: unemployment_rate, weight: 1}
				""");
		assertThat(errors).extracting(Problem::file, Problem::message)
			.contains(
					tuple("warehouse/schema/mart/territory_peer.yaml",
							"column contribution_unemployment of mart.territory_peer is not described"),
					tuple("warehouse/models/public/territory_peer.yaml",
							"column contribution_unemployment of mart.territory_peer is not described"),
					tuple("warehouse/models/public/territory_peer.yaml",
							"column contribution_sectors is described but no feature of warehouse/peers.yaml gives it"));
	}

	@Test
	void requiresTheDeclaration(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.delete(project.resolve("warehouse/peers.yaml"));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors()).extracting(Problem::file, Problem::message)
			.containsExactly(tuple("warehouse/peers.yaml", "missing"));
	}

	private static List<Problem> errorsWith(Path project, String peers) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("warehouse/peers.yaml"), peers);
		return ProjectConfiguration.load(project, Jobs.NAMES).errors();
	}

}
