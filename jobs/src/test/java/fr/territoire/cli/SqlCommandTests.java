package fr.territoire.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code territoire sql}'s options: the published layers by default, every schema with
 * {@code --all-schemas}, a failed run's warehouse with {@code --failed-run}, a timeout.
 */
class SqlCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private PrintStream originalOut;

	private PrintStream originalErr;

	@TempDir
	Path home;

	@BeforeEach
	void captureOutputAndBuildWarehouses() throws Exception {
		this.originalOut = System.out;
		this.originalErr = System.err;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(this.err, true, StandardCharsets.UTF_8));
		Path folder = Files.createDirectories(this.home.resolve("warehouse"));
		for (String name : new String[] { "current", "next" }) {
			try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve(name + ".duckdb"));
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA core; CREATE SCHEMA public; CREATE SCHEMA quality");
				statement.execute("CREATE TABLE core.secret AS SELECT 'hidden' AS v");
				statement.execute("CREATE TABLE public.answer AS SELECT 42 AS v");
				statement.execute("CREATE TABLE quality.rejected_row AS SELECT '" + name + "' AS v");
			}
		}
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
	}

	@Test
	void readsThePublishedLayersByDefault() {
		assertThat(sql("SELECT v FROM answer")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(output()).endsWith("v\n42\n");
		assertThat(sql("SELECT v FROM core.secret")).isEqualTo(ExitCodes.USAGE);
		assertThat(output()).contains("[BAD_QUERY]", "core.secret is not readable here").doesNotContain("hidden\n");
	}

	@Test
	void allSchemasReadsCore() {
		assertThat(sql("SELECT v FROM core.secret", "--all-schemas")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(output()).endsWith("v\nhidden\n");
	}

	@Test
	void failedRunReadsTheQuarantineOfNext() {
		assertThat(sql("SELECT v FROM quality.rejected_row", "--failed-run")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(output()).endsWith("v\nnext\n");
		assertThat(sql("SELECT v FROM quality.rejected_row")).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void aTimeoutBelowOneSecondIsBadUsage() {
		assertThat(sql("SELECT 1", "--timeout", "0")).isEqualTo(ExitCodes.USAGE);
		assertThat(output()).contains("--timeout must be at least 1 second");
	}

	@Test
	void boundsAreSetFromTheOptionsAndCheckedFirst() {
		assertThat(sql("SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t", "--memory-limit",
				"512MB", "--threads", "1"))
			.isEqualTo(ExitCodes.SUCCESS);
		assertThat(output()).endsWith("m,t\n488.2 MiB,1\n");
		assertThat(sql("SELECT 1", "--memory-limit", "lots")).isEqualTo(ExitCodes.USAGE);
		assertThat(output()).contains("'lots' is not a size such as 512MB or 2GB");
		assertThat(sql("SELECT 1", "--threads", "0")).isEqualTo(ExitCodes.USAGE);
		assertThat(output()).contains("--threads must be between 1 and 256, got 0");
	}

	private int sql(String query, String... options) {
		this.out.reset();
		this.err.reset();
		String[] arguments = new String[options.length + 6];
		arguments[0] = "sql";
		arguments[1] = query;
		arguments[2] = "--format";
		arguments[3] = "csv";
		arguments[4] = "--home";
		arguments[5] = this.home.toString();
		System.arraycopy(options, 0, arguments, 6, options.length);
		return TerritoireCommand.execute(arguments);
	}

	private String output() {
		return (this.out.toString(StandardCharsets.UTF_8) + this.err.toString(StandardCharsets.UTF_8)).replace("\r\n",
				"\n");
	}

}
