package fr.territoire.query;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a reader of {@code territoire sql} can and cannot do, on a real warehouse file: a
 * published layer ({@code public}, {@code mart}) and a {@code core} table holding the
 * address of a unit with {@code statutDiffusion = 'P'}, which {@code public} masks.
 */
class WarehouseQuerySessionTests {

	private static final String SECRET = "12 rue Cachée";

	/** A true value statistical secrecy protects. */
	private static final String SECRET_VALUE = "48000000";

	@TempDir
	Path root;

	private TerritoireHome home;

	@BeforeEach
	void buildWarehouse() throws Exception {
		this.home = new TerritoireHome(this.root, this.root, null);
		Files.createDirectories(this.home.warehouseFolder());
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + this.home.currentWarehouse());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA core; CREATE SCHEMA mart; CREATE SCHEMA public; CREATE SCHEMA quality");
			statement.execute("CREATE TABLE core.establishment AS SELECT * FROM (VALUES "
					+ "('11111111100011', 'O', '3 place Publique'), ('22222222200022', 'P', '" + SECRET + "')) "
					+ "AS t(siret, statut_diffusion, address)");
			statement.execute("CREATE VIEW public.establishment AS SELECT siret, CASE WHEN statut_diffusion = 'P' "
					+ "THEN NULL ELSE address END AS address FROM core.establishment");
			statement.execute("CREATE TABLE mart.measure_population AS SELECT 'density' AS indicator_id, 4.5 AS value");
			statement.execute("CREATE TABLE quality.rejected_row AS SELECT 'bad_siret' AS rule");
			statement.execute("CREATE TABLE mart.secrecy_cell AS SELECT 'turnover' AS table_id, " + SECRET_VALUE
					+ " AS value, 'secret_primary' AS status");
			statement.execute("CREATE TABLE mart.contribution_turnover AS SELECT '123456789' AS unit_id, "
					+ SECRET_VALUE + " AS turnover");
			statement.execute("CREATE TABLE main.hidden AS SELECT '" + SECRET + "' AS address");
			statement.execute(
					"CREATE MACRO leak() AS (SELECT max(address) FROM core.establishment WHERE statut_diffusion = 'P')");
			statement.execute("CREATE MACRO leak_table() AS TABLE SELECT * FROM core.establishment");
		}
	}

	@Test
	void readsThePublishedLayersWithTheMaskApplied() {
		try (QuerySession session = open(defaults())) {
			assertThat(run(session, "SELECT siret, address FROM public.establishment ORDER BY siret"))
				.isEqualTo("siret,address\n11111111100011,3 place Publique\n22222222200022,\n");
			assertThat(run(session, "FROM measure_population")).isEqualTo("indicator_id,value\ndensity,4.5\n");
			assertThat(run(session, "WITH p AS (SELECT * FROM public.establishment) SELECT count(*) AS n FROM p"))
				.isEqualTo("n\n2\n");
		}
	}

	@Test
	void listsOnlyTheTablesTheReaderMayQuery() {
		try (QuerySession session = open(defaults())) {
			assertThat(session.tables()).containsExactly("mart.measure_population", "public.establishment");
			assertThat(session.columns("core.establishment")).isEmpty();
			assertThat(session.columns("public.establishment")).containsExactly("siret", "address");
		}
		try (QuerySession session = open(defaults().withAllSchemas(true))) {
			assertThat(session.tables()).contains("core.establishment", "main.hidden", "quality.rejected_row");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT * FROM core.establishment", "FROM core.establishment",
			"SELECT address FROM CORE.ESTABLISHMENT", "SELECT * FROM \"core\".\"establishment\"",
			"WITH e AS (SELECT * FROM core.establishment) SELECT * FROM e",
			"SELECT (SELECT max(address) FROM core.establishment) AS a",
			"SELECT * FROM public.establishment WHERE siret IN (SELECT siret FROM core.establishment)",
			"SELECT * FROM query('SELECT * FROM core.establishment')",
			"SELECT * FROM query_table('core.establishment')", "SUMMARIZE core.establishment",
			"SELECT * FROM current.core.establishment", "SELECT * FROM hidden", "SELECT leak() AS a",
			"FROM leak_table()", "SELECT * FROM quality.rejected_row",
			"SELECT * FROM public.establishment UNION ALL SELECT siret, address FROM core.establishment",
			"SELECT * FROM (FROM core.establishment)",
			"PIVOT core.establishment ON statut_diffusion USING max(address)",
			"FROM range(1) r, LATERAL (SELECT address FROM core.establishment)",
			"SELECT * FROM public.establishment POSITIONAL JOIN core.establishment",
			"SELECT list(address) FROM core.establishment", "SELECT * FROM \"core.establishment\"",
			"SELECT * FROM pragma_storage_info('core.establishment')",
			"SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM core.establishment'))",
			"SELECT * FROM system.core.establishment", "SELECT * FROM other.core.establishment",
			"SELECT (WITH hidden AS (SELECT 1) SELECT 1) AS a, * FROM hidden",
			"EXPLAIN ANALYZE SELECT * FROM core.establishment", "CALL query('SELECT * FROM core.establishment')" })
	void aDefaultSessionCannotReadOtherLayers(String sql) {
		try (QuerySession session = open(defaults())) {
			assertThatExceptionOfType(TerritoireException.class).isThrownBy(() -> run(session, sql))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_QUERY))
				.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("[BAD_QUERY]")
					.doesNotContain(SECRET)
					.doesNotContain("DuckDB refused"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT * FROM mart.secrecy_cell", "FROM secrecy_cell", "FROM mart.contribution_turnover",
			"SELECT sum(turnover) FROM contribution_turnover",
			"WITH t AS (SELECT * FROM mart.secrecy_cell) SELECT value FROM t" })
	void aDefaultSessionCannotReadWhatStatisticalSecrecyProtects(String sql) {
		try (QuerySession session = open(defaults())) {
			assertThatExceptionOfType(TerritoireException.class).isThrownBy(() -> run(session, sql))
				.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("[BAD_QUERY]").doesNotContain(SECRET_VALUE));
			assertThat(session.tables()).doesNotContain("mart.secrecy_cell", "mart.contribution_turnover");
		}
		try (QuerySession session = open(defaults().withAllSchemas(true))) {
			assertThat(run(session, "SELECT value FROM mart.secrecy_cell")).isEqualTo("value\n" + SECRET_VALUE + "\n");
		}
	}

	@Test
	void catalogListingsShowNamesButNoData() {
		try (QuerySession session = open(defaults())) {
			assertThat(run(session, "SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'core'"))
				.isEqualTo("n\n1\n");
			assertThat(run(session, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'core'"))
				.isEqualTo("table_name\nestablishment\n");
			assertThat(run(session, "SELECT name FROM pragma_table_info('core.establishment') ORDER BY cid"))
				.isEqualTo("name\nsiret\nstatut_diffusion\naddress\n");
			assertThat(run(session, "PRAGMA table_info('core.establishment')")).contains("statut_diffusion");
			assertThat(run(session, "SHOW ALL TABLES")).contains("establishment").doesNotContain(SECRET);
			assertThat(run(session, "DESCRIBE public.establishment")).contains("siret", "address");
			assertThat(run(session, "VALUES (1), (2)")).isEqualTo("col0\n1\n2\n");
		}
	}

	@Test
	void allSchemasReadsEveryLayer() {
		try (QuerySession session = open(defaults().withAllSchemas(true))) {
			assertThat(run(session, "SELECT address FROM core.establishment WHERE statut_diffusion = 'P'"))
				.isEqualTo("address\n" + SECRET + "\n");
			assertThat(run(session, "SELECT leak() AS a")).isEqualTo("a\n" + SECRET + "\n");
			assertThat(run(session, "SELECT count(*) AS n FROM hidden")).isEqualTo("n\n1\n");
		}
	}

	@Test
	void runsExactlyOneStatement() {
		try (QuerySession session = open(defaults())) {
			assertRefused(session, "SELECT 1; SELECT 2", "one statement at a time");
			assertRefused(session, "SELECT 1 AS a; ATTACH 'x.duckdb' AS x", "one statement at a time");
			assertThat(run(session, "SELECT 'a;b' AS t; -- a comment; with semicolons\n")).isEqualTo("t\na;b\n");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ATTACH 'other.duckdb' AS other", "DETACH current", "INSTALL httpfs", "LOAD json",
			"SET threads = 8", "RESET threads", "CREATE TABLE public.t AS SELECT 1",
			"INSERT INTO mart.measure_population VALUES ('x', 1)", "UPDATE mart.measure_population SET value = 0",
			"DELETE FROM mart.measure_population", "CALL pragma_version()", "EXPORT DATABASE 'dump'", "CHECKPOINT",
			"PRAGMA threads = 8", "PRAGMA storage_info('core.establishment')" })
	void refusesStatementsThatAreNotReads(String sql) {
		try (QuerySession session = open(defaults())) {
			String keyword = sql.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
			assertRefused(session, sql, keyword + " statements are refused");
		}
	}

	@Test
	void readsNoFile() {
		try (QuerySession session = open(defaults())) {
			assertRefused(session, "SELECT * FROM read_csv('/etc/passwd')", "read_csv");
			assertRefused(session, "SELECT * FROM read_text('" + this.home.currentWarehouse() + "')", "read_text");
			assertRefused(session, "SELECT * FROM '" + this.home.currentWarehouse() + "'", "files cannot be read");
			assertRefused(session, "SELECT * FROM '/etc/passwd'", "files cannot be read");
		}
	}

	@Test
	void writesNoFileNotEvenTheWarehouseLog() {
		Path wal = this.home.warehouseFolder().resolve("current.duckdb.wal");
		Path csv = this.home.warehouseFolder().resolve("export.csv");
		Path spillFile = this.root.resolve("tmp").resolve("sql-" + ProcessHandle.current().pid()).resolve("x.csv");
		try (QuerySession session = open(defaults())) {
			for (Path target : new Path[] { wal, csv, spillFile }) {
				assertRefused(session, "COPY (SELECT 1) TO '" + target + "'", "COPY statements are refused");
				assertRefused(session, "copy (select 1) to '" + target + "' (FORMAT csv)",
						"COPY statements are refused");
			}
		}
		assertThat(wal).doesNotExist();
		assertThat(csv).doesNotExist();
		assertThat(spillFile).doesNotExist();
	}

	@Test
	void stopsAQueryAfterTheTimeout() {
		long start = System.nanoTime();
		try (QuerySession session = open(defaults().withTimeout(Duration.ofSeconds(5)))) {
			assertRefused(session, "SELECT count(*) FROM range(1000000) a, range(1000000) b",
					"[BAD_QUERY] the query was stopped after 5 s (territoire.query.timeout)");
			assertThat(run(session, "SELECT 1 AS one")).as("the session stays usable").isEqualTo("one\n1\n");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(5),
				Duration.ofSeconds(30));
	}

	@Test
	void spillsInAFolderOfItsOwnRemovedAtCloseAndSweepsThoseOfDeadProcesses() throws Exception {
		Path spillRoot = this.root.resolve("tmp");
		Path stale = Files.createDirectories(spillRoot.resolve("sql-" + Long.MAX_VALUE).resolve("x"));
		Path mine = spillRoot.resolve("sql-" + ProcessHandle.current().pid());
		try (QuerySession session = open(
				new TerritoireProperties.Query(Duration.ofSeconds(60), "64MB", 1, "10GB", false))) {
			assertThat(mine).isDirectory();
			assertThat(stale.getParent()).doesNotExist();
			assertThat(run(session, "SELECT count(DISTINCT x) AS n FROM (SELECT range || repeat('x', 100) AS x "
					+ "FROM range(2000000) ORDER BY x)"))
				.isEqualTo("n\n2000000\n");
		}
		assertThat(mine).doesNotExist();
		assertThat(this.home.warehouseFolder().resolve("current.duckdb.tmp")).doesNotExist();
	}

	@Test
	void aSpillLargerThanTheLimitIsRefused() {
		try (QuerySession session = open(
				new TerritoireProperties.Query(Duration.ofSeconds(60), "32MB", 1, "1MB", false))) {
			assertRefused(session, "SELECT count(DISTINCT x) AS n FROM (SELECT range || repeat('x', 100) AS x "
					+ "FROM range(2000000) ORDER BY x)", "max_temp_directory_size");
		}
	}

	@Test
	void aFailedRunShowsItsQuarantineButNotCore() throws Exception {
		Files.copy(this.home.currentWarehouse(), this.home.nextWarehouse());
		try (QuerySession session = WarehouseQuerySession.openFailedRun(this.home, defaults())) {
			assertThat(run(session, "SELECT rule FROM quality.rejected_row")).isEqualTo("rule\nbad_siret\n");
			assertRefused(session, "SELECT * FROM core.establishment", "not readable here");
		}
	}

	@Test
	void aFailedRunIsNotReadWhileARunIsActive() throws Exception {
		Files.copy(this.home.currentWarehouse(), this.home.nextWarehouse());
		try (var channel = java.nio.channels.FileChannel.open(this.home.runLock(),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
				var lock = channel.lock()) {
			assertThatExceptionOfType(TerritoireException.class)
				.isThrownBy(() -> WarehouseQuerySession.openFailedRun(this.home, defaults()))
				.withMessageContaining("a run is active");
		}
	}

	private QuerySession open(TerritoireProperties.Query settings) {
		return WarehouseQuerySession.openCurrent(this.home, settings);
	}

	private static TerritoireProperties.Query defaults() {
		return TerritoireProperties.Query.defaults();
	}

	private static String run(QuerySession session, String sql) {
		StringWriter text = new StringWriter();
		session.execute(sql, ResultPrinter.of(OutputFormat.CSV), new PrintWriter(text));
		return text.toString().replace("\r\n", "\n");
	}

	private static void assertRefused(QuerySession session, String sql, String message) {
		assertThatExceptionOfType(TerritoireException.class).isThrownBy(() -> run(session, sql))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_QUERY))
			.withMessageContaining(message);
	}

}
