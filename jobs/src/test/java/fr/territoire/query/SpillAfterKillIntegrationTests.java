package fr.territoire.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code territoire sql} process killed with SIGKILL leaves its spill folder behind;
 * the next {@code territoire sql} removes it.
 */
class SpillAfterKillIntegrationTests {

	@TempDir
	Path home;

	@Test
	void theNextQuerySweepsTheSpillFolderOfAKilledOne() throws Exception {
		Path warehouse = this.home.resolve("warehouse/current.duckdb");
		Files.createDirectories(warehouse.getParent());
		try (var connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
				var statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA public; CREATE TABLE public.answer AS SELECT 42 AS value");
		}
		Process running = Launcher.startIn(SampleExpectations.PROJECT, "sql",
				"SELECT count(*) FROM range(1000000) a, range(1000000) b", "--timeout", "120", "--home",
				this.home.toString());
		Path spill = this.home.resolve("tmp").resolve("sql-" + running.pid());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.isDirectory(spill) && running.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(spill).as("the running query's spill folder").isDirectory();
		running.destroyForcibly();
		assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(spill).as("left by the killed process").isDirectory();
		Launcher.Result next = Launcher.runIn(SampleExpectations.PROJECT, "sql", "SELECT value FROM answer", "--format",
				"csv", "--home", this.home.toString());
		assertThat(next.exitCode()).as(next.output()).isZero();
		assertThat(next.output()).endsWith("value\n42");
		assertThat(spill).as("swept by the next query").doesNotExist();
		assertThat(this.home.resolve("tmp")).isEmptyDirectory();
	}

}
