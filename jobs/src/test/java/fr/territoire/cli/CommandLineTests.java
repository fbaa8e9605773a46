package fr.territoire.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private PrintStream originalOut;

	private PrintStream originalErr;

	@BeforeEach
	void captureOutput() {
		this.originalOut = System.out;
		this.originalErr = System.err;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
	}

	@Test
	void helpListsCommandsAndExitCodes() {
		assertThat(TerritoireCommand.execute("--help")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("run", "status", "check", "sql")
			.contains("Exit codes: 0 success, 1 the job failed");
	}

	@Test
	void unknownCommandIsBadUsage() {
		assertThat(TerritoireCommand.execute("frobnicate")).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("frobnicate");
	}

	@Test
	void missingCommandIsBadUsage() {
		assertThat(TerritoireCommand.execute()).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void invalidDateIsBadUsage() {
		assertThat(TerritoireCommand.execute("run", "nightly", "--date", "23/11/2026")).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--date");
	}

	@Test
	void checkSucceedsOnShippedConfiguration() {
		assertThat(TerritoireCommand.execute("check")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("is valid");
	}

	@Test
	void generatesAZippedSyntheticSireneStock(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
		java.nio.file.Path zip = folder.resolve("StockEtablissement_utf8.zip");
		assertThat(TerritoireCommand.execute("generate", "sirene", "--rows", "200", "--out", zip.toString()))
			.isEqualTo(ExitCodes.SUCCESS);
		assertThat(zip).isRegularFile();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Wrote 200 establishments");
	}

	@Test
	void refusesToGenerateAnEmptyStock() {
		assertThat(TerritoireCommand.execute("generate", "sirene", "--rows", "0", "--out", "unused.zip"))
			.isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--rows must be 1 or more");
	}

}
