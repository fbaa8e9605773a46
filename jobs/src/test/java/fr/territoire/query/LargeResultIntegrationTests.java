package fr.territoire.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code territoire sql} streams its result: the packaged application, in a new JVM with
 * a 256 MB heap, prints a result far larger than its heap in every format.
 */
class LargeResultIntegrationTests {

	/**
	 * Rows of the result: 4 million by default (about 15 s a format on 2 busy cores, and
	 * far more than the former table printer held in 256 MB); the bar of issue 15, 40
	 * million, with {@code -Dterritoire.large-result-rows=40000000} (measured: csv 83 s,
	 * json 59 s, table 51 s, each exit 0; peak RSS 1.2 GB, mostly the result DuckDB JDBC
	 * materialises natively unless the connection sets {@code jdbc_stream_results}).
	 */
	static final long ROWS = Long.getLong("territoire.large-result-rows", 4_000_000L);

	@TempDir
	Path home;

	@BeforeEach
	void aTinyWarehouse() throws Exception {
		Path warehouse = this.home.resolve("warehouse/current.duckdb");
		Files.createDirectories(warehouse.getParent());
		try (var connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
				var statement = connection.createStatement()) {
			statement.execute("CREATE TABLE answer AS SELECT 42 AS value");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "csv", "json", "table" })
	void printsARowsResultLargerThanTheHeap(String format) throws Exception {
		Launcher.CountedResult printed = Launcher.countLines(SampleExpectations.PROJECT, "256m", "sql",
				"SELECT range, range::VARCHAR AS text FROM range(" + ROWS + ")", "--format", format, "--home",
				this.home.toString());
		assertThat(printed.exitCode()).as(printed.errors()).isZero();
		long expected = switch (format) {
			case "csv" -> ROWS + 1;
			case "json" -> ROWS + 2;
			default -> ROWS + 3;
		};
		assertThat(printed.lines()).as(printed.errors()).isEqualTo(expected);
	}

}
