package fr.territoire.nightly;

import java.nio.file.Path;
import java.util.Map;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run short of memory names our setting, not DuckDB's (issue 17, "Why" 5); the settings
 * are in --help.
 */
class OutOfMemoryIntegrationTests {

	@TempDir
	Path home;

	@Test
	void aRunOutOfMemoryNamesTheSettingToRaise() throws Exception {
		Launcher.Result run = Launcher.runWith(Map.of("TERRITOIRE_WAREHOUSE_MEMORYLIMIT", "64MB"), "--home",
				this.home.toString(), "run", "nightly", "--date", "2026-11-20", "--inbox",
				SampleExpectations.SAMPLES.toString());
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output())
			.contains("The warehouse ran out of memory (territoire.warehouse.memory-limit is 64MB): "
					+ "raise territoire.warehouse.memory-limit");
		assertThat(this.home.resolve("warehouse/current.duckdb")).doesNotExist();

		Launcher.Result help = Launcher.run("run", "--help");
		assertThat(help.output()).contains("territoire.warehouse.memory-limit", "territoire.warehouse.threads",
				"spill folder", "territoire.publish.keep-releases");
	}

}
