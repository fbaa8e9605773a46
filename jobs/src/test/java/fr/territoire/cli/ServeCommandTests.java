package fr.territoire.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code territoire serve}'s command line, refused before anything listens.
 */
class ServeCommandTests {

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
	void helpListsServeWithItsOptions() {
		assertThat(TerritoireCommand.execute("serve", "--help")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("--port=N", "--bind=ADDR", "8080", "127.0.0.1");
	}

	@Test
	void aPortOutOfRangeIsBadUsage() {
		assertThat(TerritoireCommand.execute("serve", "--port", "70000")).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("[BAD_USAGE]", "70000");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void aPortThatIsNotANumberIsBadUsage() {
		assertThat(TerritoireCommand.execute("serve", "--port", "http")).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--port");
	}

}
