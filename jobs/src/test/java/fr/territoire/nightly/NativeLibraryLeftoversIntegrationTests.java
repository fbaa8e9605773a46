package fr.territoire.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No DuckDB native library is left in the temporary folder after a SIGKILL once the next
 * command has started (issue 17, "Why" 3).
 */
class NativeLibraryLeftoversIntegrationTests {

	@TempDir
	Path home;

	@TempDir
	Path tmp;

	@Test
	void theNextCommandRemovesTheNativeLibraryOfAKilledRun() throws Exception {
		Map<String, String> environment = Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + this.tmp);
		String killed = Launcher.killWhen(environment, (line) -> line.contains("Step discover started"), "--home",
				this.home.toString(), "run", "nightly", "--date", "2026-11-20", "--inbox",
				SampleExpectations.SAMPLES.toString());
		assertThat(killed).contains("Step discover started");
		assertThat(names()).anyMatch((name) -> name.startsWith("libduckdb_java") && name.endsWith(".so"));

		Launcher.Result status = Launcher.runWith(environment, "--home", this.home.toString(), "status");
		assertThat(status.exitCode()).as(status.output()).isZero();
		assertThat(names()).noneMatch((name) -> name.startsWith("libduckdb_java"))
			.noneMatch((name) -> name.startsWith("territoire-native-"));
	}

	private List<String> names() throws Exception {
		try (Stream<Path> files = Files.list(this.tmp)) {
			return files.map((path) -> path.getFileName().toString()).toList();
		}
	}

}
