package fr.territoire.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.support.DuckDb15;
import fr.territoire.support.SampleNightly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The warehouse a real nightly promotes ({@code current.duckdb}) opens in a real DuckDB
 * 1.5 client (JDBC 1.5.x, the same engine as the 1.5 CLI, Python and R packages), which
 * reads the same values as DuckDB 2.0; a file DuckDB 2.0 writes in its default format is
 * refused by that client, so this test would fail without the setting. The nightly is the
 * one on the samples shared by this JVM's tests ({@code SampleNightly}), read only.
 */
class ReadersStorageVersionIntegrationTests {

	private static final TerritoireProperties.Warehouse SETTINGS = new TerritoireProperties.Warehouse("512MB", 1);

	private static final List<String> QUERIES = List.of("SELECT count(*) FROM public.territory",
			"SELECT level, code, name FROM public.territory ORDER BY level_order, code LIMIT 5",
			"SELECT level, count(*) FROM public.territory GROUP BY level ORDER BY level",
			"SELECT count(*), count(DISTINCT indicator_id) FROM public.indicator_value",
			"SELECT count(*), max(run_date) FROM meta.run");

	static Path current;

	@BeforeAll
	static void runTheNightly() throws Exception {
		// the nightly on the samples shared by this JVM's tests (read only here)
		Path home = SampleNightly.home();
		assertThat(Files.readString(home.resolve("logs/territoire.log"))).contains("storage version v1.5.0+");
		current = home.resolve("warehouse/current.duckdb");
	}

	@Test
	void thePromotedWarehouseIsWrittenInTheStorageVersionOfDuckDb15() throws Exception {
		try (Connection connection = Warehouses.open(current, true, SETTINGS)) {
			assertThat(Warehouses.storageVersion(connection)).isEqualTo("v1.5.0+");
		}
		// the header's version number: 68 is what DuckDB 1.5 writes (it reads 64 to 68)
		assertThat(headerVersion(current)).isEqualTo(68);
	}

	@Test
	void aDuckDb15ClientReadsWhatDuckDb20Reads() throws Exception {
		assertThat(DuckDb15.query(current, "SELECT version()")).containsExactly(List.of("v1.5.6"));
		for (String sql : QUERIES) {
			List<List<String>> read15 = DuckDb15.query(current, sql);
			List<List<String>> read20;
			try (Connection connection = Warehouses.open(current, true, SETTINGS);
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(sql)) {
				read20 = DuckDb15.rows(result);
			}
			assertThat(read15).as(sql).isNotEmpty().isEqualTo(read20);
		}
		assertThat(Long.parseLong(DuckDb15.query(current, QUERIES.get(0)).get(0).get(0))).isGreaterThan(100);
		assertThat(Long.parseLong(DuckDb15.query(current, QUERIES.get(3)).get(0).get(0))).isPositive();
	}

	@Test
	void aFileDuckDb20WritesInItsDefaultFormatIsRefusedByDuckDb15(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("default.duckdb");
		try (Connection connection = Warehouses.open(file, false, SETTINGS);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t AS SELECT 1 AS x");
			assertThat(Warehouses.storageVersion(connection)).isEqualTo("v2.0.0+");
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DuckDb15.query(file, "SELECT x FROM t"))
			.withMessageContaining("version number 69");
	}

	@Test
	void aWarehouseCreatedForReadersKeepsItsFormatWhenWrittenAgain(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("next.duckdb");
		try (Connection connection = Warehouses.openForReaders(file, SETTINGS);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t AS SELECT 1 AS x");
		}
		// a restart reopens the file; the plain read-write open sets no storage version
		try (Connection connection = Warehouses.open(file, false, SETTINGS);
				Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO t SELECT range FROM range(2, 100000)");
			statement.execute("CHECKPOINT");
			assertThat(Warehouses.storageVersion(connection)).isEqualTo("v1.5.0+");
		}
		assertThat(DuckDb15.query(file, "SELECT count(*), max(x) FROM t")).containsExactly(List.of("99999", "99999"));
	}

	private static long headerVersion(Path file) throws IOException {
		byte[] header = new byte[20];
		try (InputStream in = Files.newInputStream(file)) {
			assertThat(in.readNBytes(header, 0, header.length)).isEqualTo(header.length);
		}
		assertThat(new String(header, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DUCK");
		return ByteBuffer.wrap(header, 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
	}

}
