package fr.territoire.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.SmallInboxFigures;
import fr.territoire.support.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed date can always be finished: after a run of another date took its warehouse,
 * with --rerun, and after the inbox was fixed by removing a bad file (issue 17, "Why" 1
 * (a) and (b)).
 * <p>
 * On the small test inbox ({@link SmallInbox}, département 67): what is tested is how a
 * failed date is finished, not the samples' figures; the figures checked at the end are
 * computed from the small inbox's own files ({@link SmallInboxFigures}).
 */
class FailedDateIntegrationTests {

	private static final String DATE_A = "2026-11-24";

	private static final String DATE_B = "2026-11-25";

	@TempDir
	Path home;

	@TempDir
	Path inbox;

	@Test
	void failedDateFinishesFromScratchAfterAnotherDateReplacedItsWarehouse() throws Exception {
		SmallInbox.copyTo(this.inbox);
		String killed = killAt("Step publish started", DATE_A);
		assertThat(killed).contains("Step publish started").doesNotContain("Run completed");

		Launcher.Result other = run("run", "nightly", "--date", DATE_B);
		assertThat(other.exitCode()).as(other.output()).isZero();
		assertThat(log()).contains("held the unfinished run of " + DATE_A);

		Launcher.Result again = run("run", "nightly", "--date", DATE_A);
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("Starting the nightly run of " + DATE_A + " again from scratch")
			.contains("was replaced by the run of " + DATE_B)
			.contains("Run completed");
		assertServes(DATE_A);
	}

	@Test
	void rerunStartsAFailedDateAgainAndRemovesItsUnpromotedRelease() throws Exception {
		SmallInbox.copyTo(this.inbox);
		String killed = killAt("Step report started", DATE_A);
		assertThat(killed).contains("Step report started").doesNotContain("Run completed");
		Path abandonedRelease = onlyRelease();
		assertThat(abandonedRelease.getFileName().toString()).startsWith(DATE_A + "-");

		Launcher.Result rerun = run("run", "nightly", "--date", DATE_A, "--rerun");
		assertThat(rerun.exitCode()).as(rerun.output()).isZero();
		assertThat(rerun.output()).contains("again from scratch (--rerun was given)")
			.contains("removed " + this.home.resolve("warehouse/next.duckdb"))
			.contains("removed " + abandonedRelease)
			.contains("Run completed");
		assertThat(abandonedRelease).doesNotExist();
		Path release = onlyRelease();
		assertThat(release).isNotEqualTo(abandonedRelease);
		assertThat(this.home.resolve("publish/latest").toRealPath()).isEqualTo(release.toRealPath());
		assertServes(DATE_A);
	}

	@Test
	void restartReadsTheInboxAgainAfterABadFileWasRemoved() throws Exception {
		SmallInbox.copyTo(this.inbox);
		Path garbage = this.inbox.resolve("sirene/StockEtablissement_garbage.zip");
		byte[] bytes = new byte[4096];
		new Random(17).nextBytes(bytes);
		Files.write(garbage, bytes);

		Launcher.Result failed = run("run", "nightly", "--date", DATE_A);
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("step ingest.sirene_etablissement: FAILED")
			.contains("StockEtablissement_garbage.zip");

		Files.delete(garbage);
		Launcher.Result resumed = run("run", "nightly", "--date", DATE_A);
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("Resuming the nightly run of " + DATE_A);
		assertThat(log()).contains("The inbox changed since the discover step; reading it as it is now: "
				+ "sirene_etablissement: removed sirene/StockEtablissement_garbage.zip");
		assertServes(DATE_A);
		try (Warehouse warehouse = Warehouse.open(this.home.resolve("warehouse/current.duckdb"))) {
			assertThat(warehouse
				.rows("SELECT file FROM meta.input_file WHERE source = 'sirene_etablissement' " + "ORDER BY file"))
				.containsExactly(List.of(SampleExpectations.SIRENE_FILES.get(0)),
						List.of(SampleExpectations.SIRENE_FILES.get(1)));
		}
	}

	/**
	 * The warehouse in service was built for the date, with the small inbox's figures.
	 */
	private void assertServes(String date) throws Exception {
		SmallInboxFigures expected = SmallInboxFigures.load();
		try (Warehouse warehouse = Warehouse.open(this.home.resolve("warehouse/current.duckdb"))) {
			assertThat(warehouse.text("SELECT CAST(run_date AS VARCHAR) FROM meta.run")).isEqualTo(date);
			assertThat(warehouse.count("SELECT count(*) FROM meta.run")).isEqualTo(1);
			assertThat(warehouse.count("SELECT count(*) FROM staging.stg_sirene__etablissement"))
				.isEqualTo(expected.establishments());
			assertThat(warehouse.count("SELECT sum(population_municipale) FROM mart.commune_measure"))
				.isEqualTo(expected.populationMunicipale());
		}
		assertThat(this.home.resolve("warehouse/next.duckdb")).doesNotExist();
		assertThat(this.home.resolve("publish/latest").toRealPath().getFileName().toString()).startsWith(date + "-");
		try (Stream<Path> partial = Files.list(this.home.resolve("publish/releases"))) {
			assertThat(partial.filter((path) -> path.getFileName().toString().startsWith(".partial-"))).isEmpty();
		}
	}

	private Path onlyRelease() throws IOException {
		try (Stream<Path> releases = Files.list(this.home.resolve("publish/releases"))) {
			List<Path> all = releases.filter(Files::isDirectory)
				.filter((path) -> !path.getFileName().toString().startsWith("."))
				.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

	private String log() throws IOException {
		try (Stream<Path> logs = Files.walk(this.home)) {
			StringBuilder text = new StringBuilder();
			for (Path file : logs.filter((path) -> path.toString().endsWith(".log")).toList()) {
				text.append(Files.readString(file));
			}
			return text.toString();
		}
	}

	private String killAt(String line, String date) throws IOException, InterruptedException {
		return Launcher.killWhen((printed) -> printed.contains(line), "--home", this.home.toString(), "run", "nightly",
				"--date", date, "--inbox", this.inbox.toString());
	}

	private Launcher.Result run(String... arguments) throws IOException, InterruptedException {
		List<String> all = new ArrayList<>(List.of("--home", this.home.toString()));
		all.addAll(List.of(arguments));
		all.addAll(List.of("--inbox", this.inbox.toString()));
		return Launcher.run(all.toArray(String[]::new));
	}

}
