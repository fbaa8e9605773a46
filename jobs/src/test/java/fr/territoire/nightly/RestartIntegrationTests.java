package fr.territoire.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.support.Launcher;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.SmallInboxFigures;
import fr.territoire.support.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures and crashes in a real process: the packaged application in new JVMs, its job
 * repository in the H2 file of the home. On the small test inbox ({@link SmallInbox},
 * département 67): what is tested is the resumption, not the samples' figures; the
 * figures checked at the end are computed from the small inbox's own files
 * ({@link SmallInboxFigures}).
 */
class RestartIntegrationTests {

	private static final String WORKBOOK = "populations/ensemble_2025_populations_reference_2022.xlsx";

	@TempDir
	Path home;

	@TempDir
	Path inbox;

	@Test
	void resumesAtFailedStepAfterCorruptInputInNewJvm() throws Exception {
		SmallInbox.copyTo(this.inbox);
		Path workbook = this.inbox.resolve(WORKBOOK);
		byte[] original = Files.readAllBytes(workbook);
		Files.write(workbook, java.util.Arrays.copyOf(original, original.length / 3));

		Launcher.Result failed = run("run", "nightly", "--date", "2026-11-20");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.output()).contains("step ingest.insee_population_commune: FAILED")
			.contains("[UNREADABLE_INPUT] " + WORKBOOK + ", sheet 'Communes'")
			.contains("the workbook is truncated or damaged")
			.doesNotContain("\tat org.");
		assertThat(this.home.resolve("warehouse/current.duckdb")).doesNotExist();
		assertThat(this.home.resolve("publish/latest")).doesNotExist();

		Files.write(workbook, original);
		Launcher.Result resumed = run("run", "nightly", "--date", "2026-11-20");
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("Resuming the nightly run of 2026-11-20");

		JsonNode runs = status();
		assertThat(runs).hasSize(2);
		assertThat(runs.get(0).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(runs.get(0).get("instance_id").asLong()).isEqualTo(runs.get(1).get("instance_id").asLong());
		List<String> resumedSteps = stepNames(runs.get(0));
		assertThat(resumedSteps.get(0)).isEqualTo("ingest.insee_population_commune");
		assertThat(resumedSteps).doesNotContain("discover", "ingest.cog_commune", "ingest.cog_epci")
			.contains("normalise.cog_commune", "publish", "promote");
		assertSameFiguresAsIndependentCount();
		try (Warehouse warehouse = Warehouse.open(this.home.resolve("warehouse/current.duckdb"))) {
			assertThat(warehouse.text("SELECT sha256 FROM meta.input_file WHERE source = 'insee_population_commune'"))
				.isEqualTo(fr.territoire.config.FileHash.sha256(workbook));
		}
	}

	@Test
	void completesAfterSigkillMidRun() throws Exception {
		SmallInbox.copyTo(this.inbox);
		String beforeKill = Launcher.killWhen((line) -> line.contains("Step normalise.cog_commune started"), "--home",
				this.home.toString(), "run", "nightly", "--date", "2026-11-21", "--inbox", this.inbox.toString());
		assertThat(beforeKill).contains("Step normalise.cog_commune started").doesNotContain("Run completed");
		JsonNode killed = status();
		assertThat(killed).hasSize(1);
		assertThat(killed.get(0).get("status").asString()).isEqualTo("STARTED");

		Launcher.Result after = run("run", "nightly", "--date", "2026-11-21");
		assertThat(after.exitCode()).as(after.output()).isZero();
		assertThat(after.output()).contains("was left STARTED by a process that stopped without finishing")
			.contains("Run completed");
		JsonNode runs = status();
		assertThat(runs.get(0).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(runs.get(1).get("status").asString()).isEqualTo("FAILED");
		// every step committed before the kill stays done: the run resumes at the step
		// that was running
		assertThat(stepNames(runs.get(0)).get(0)).isEqualTo("normalise.cog_commune");
		assertSameFiguresAsIndependentCount();
	}

	private void assertSameFiguresAsIndependentCount() throws Exception {
		SmallInboxFigures expected = SmallInboxFigures.load();
		try (Warehouse warehouse = Warehouse.open(this.home.resolve("warehouse/current.duckdb"))) {
			assertThat(warehouse.count("SELECT count(*) FROM staging.stg_insee__population_commune"))
				.isEqualTo(expected.communeRows());
			assertThat(warehouse.count("SELECT count(*) FROM staging.stg_sirene__etablissement"))
				.isEqualTo(expected.establishments());
			assertThat(warehouse.count("SELECT sum(active_establishments) FROM mart.commune_measure"))
				.isEqualTo(expected.activeInGeography());
			assertThat(warehouse.count("SELECT sum(population_municipale) FROM mart.commune_measure"))
				.isEqualTo(expected.populationMunicipale());
			assertThat(warehouse.count("SELECT count(*) FROM meta.run")).isEqualTo(1);
			assertThat(warehouse.count("SELECT count(*) FROM quality.rejected_row")).isZero();
		}
	}

	private Launcher.Result run(String... arguments) throws IOException, InterruptedException {
		List<String> all = new ArrayList<>(List.of("--home", this.home.toString()));
		all.addAll(List.of(arguments));
		if (arguments[0].equals("run")) {
			all.addAll(List.of("--inbox", this.inbox.toString()));
		}
		return Launcher.run(all.toArray(String[]::new));
	}

	private JsonNode status() throws IOException, InterruptedException {
		Launcher.Result status = run("status", "--json");
		assertThat(status.exitCode()).as(status.output()).isZero();
		String json = status.output().substring(status.output().indexOf('['));
		return JsonMapper.builder().build().readTree(json);
	}

	private static List<String> stepNames(JsonNode run) {
		List<String> names = new ArrayList<>();
		run.get("steps").forEach((step) -> names.add(step.get("name").asString()));
		return names;
	}

}
