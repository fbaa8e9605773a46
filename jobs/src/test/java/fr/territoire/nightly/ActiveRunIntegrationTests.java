package fr.territoire.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a run is active (issue 17, "Why" 4): {@code status} shows it and a second
 * {@code run} says a run is in progress, instead of the job repository's lock error; an
 * input skipped because it is a symbolic link loop is a warning in the log.
 */
class ActiveRunIntegrationTests {

	private static final String DATE = "2026-11-29";

	@TempDir
	Path home;

	@TempDir
	Path inbox;

	@Test
	void statusAndASecondRunSayARunIsInProgressWithItsPid() throws Exception {
		SampleExpectations.copySamples(this.inbox);
		Path loop = this.inbox.resolve("sirene/StockEtablissement_loop.csv");
		Files.createSymbolicLink(loop, loop.getFileName());
		Process first = Launcher.startIn(SampleExpectations.PROJECT, "--home", this.home.toString(), "run", "nightly",
				"--date", DATE, "--inbox", this.inbox.toString());
		try {
			Path state = this.home.resolve("batch/active-run.json");
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (!(Files.exists(state) && Files.readString(state).contains("\"step\":\"ingest."))
					&& System.nanoTime() < deadline && first.isAlive()) {
				Thread.sleep(200);
			}
			assertThat(first.isAlive()).isTrue();

			Launcher.Result status = Launcher.run("--home", this.home.toString(), "status");
			assertThat(status.exitCode()).as(status.output()).isZero();
			assertThat(status.output()).contains("A run is in progress: nightly of " + DATE + ", started ")
				.contains(", pid " + first.pid() + ", step ")
				.doesNotContain("The file is locked");

			Launcher.Result second = Launcher.run("--home", this.home.toString(), "run", "nightly", "--date",
					"2026-11-30", "--inbox", this.inbox.toString());
			assertThat(second.exitCode()).as(second.output()).isEqualTo(1);
			assertThat(second.output()).contains("A run is in progress (nightly of " + DATE + ", started ")
				.contains(", pid " + first.pid())
				.doesNotContain("The file is locked");

			assertThat(Files.readString(this.home.resolve("logs/territoire.log")))
				.contains("Skipped sirene/StockEtablissement_loop.csv for source sirene_etablissement: it matches ")
				.contains("but is a symbolic link that loops or leads to no file");
		}
		finally {
			first.destroyForcibly();
			first.waitFor(1, TimeUnit.MINUTES);
		}
	}

}
