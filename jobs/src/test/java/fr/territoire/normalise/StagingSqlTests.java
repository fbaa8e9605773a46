package fr.territoire.normalise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.mapping.Mapping;
import fr.territoire.support.SampleExpectations;
import fr.territoire.warehouse.MacroCatalog;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging SQL generated from a mapping, run on a real in-memory DuckDB over raw rows
 * written by the test: each row is either staged with its typed values or rejected with
 * the first rule it breaks.
 */
class StagingSqlTests {

	@TempDir
	Path folder;

	@Test
	void trimsRemovesNullMarkersAndPadsCodes() throws Exception {
		Mapping mapping = mapping("""
				null_markers: ["s", "nd"]
				columns:
				  - name: CODGEO
				    target: commune_code
				    type: code
				    transform: [upper, {left_pad: {length: 5, with: "0"}}]
				    rules: [required, {pattern: "[0-9]{5}|2[AB][0-9]{3}"}]
				  - name: MED
				    type: decimal
				""");
		List<List<String>> rows = run(mapping, List.of("CODGEO", "MED"), row(" 1001 ", "25820"), row("2a004", " s "),
				row("s", "12"), row("1A001", "nd"));
		assertThat(rows).containsExactly(row("1", "01001", "25820.0", null), row("2", "2A004", null, null),
				row("3", null, "12.0", "required|CODGEO|null"), row("4", "1A001", null, "pattern|CODGEO|1A001"));
	}

	@Test
	void rejectsCommuneAndDepartementCodesOfTheWrongFormByTheirRuleNames() throws Exception {
		Mapping mapping = mapping("""
				columns:
				  - name: CODGEO
				    type: code
				    rules: [commune_code]
				  - name: DEP
				    type: code
				    rules: [departement_code]
				""");
		List<List<String>> rows = run(mapping, List.of("CODGEO", "DEP"), row("2A004", "2A"), row("75056", "971"),
				row("7505", "75"), row("2C004", "2C"), row("75056", "988"), row(null, null));
		assertThat(rows).containsExactly(row("1", "2A004", "2A", null), row("2", "75056", "971", null),
				row("3", "7505", "75", "commune_code|CODGEO|7505"),
				row("4", "2C004", "2C", "commune_code|CODGEO|2C004"),
				row("5", "75056", "988", "departement_code|DEP|988"), row("6", null, null, null));
	}

	@Test
	void readsDecimalCommasAndMixedSeparators() throws Exception {
		Mapping mapping = mapping("""
				decimal: auto
				columns:
				  - name: TP
				    type: decimal
				    rules: [{min: 0}, {max: 100}]
				""");
		List<List<String>> rows = run(mapping, List.of("TP"), row("17,5"), row("12.25"), row("1 000,5"), row("101"),
				row("nan"));
		assertThat(rows).containsExactly(row("1", "17.5", null), row("2", "12.25", null),
				row("3", null, "decimal|TP|1 000,5"), row("4", "101.0", "max|TP|101"),
				row("5", null, "decimal|TP|nan"));
	}

	@Test
	void castsIntegersDatesAndBooleans() throws Exception {
		Mapping mapping = mapping("""
				columns:
				  - name: n
				    type: integer
				  - name: d
				    type: date
				    format: ["%d/%m/%Y", "excel"]
				  - name: b
				    type: boolean
				""");
		List<List<String>> rows = run(mapping, List.of("n", "d", "b"), row("12", "31/12/2024", "Oui"),
				row("12.0", "45658", "non"), row("12.5", null, null), row("7", "2024-13-01", null),
				row("7", null, "peut-être"));
		assertThat(rows).containsExactly(row("1", "12", "2024-12-31", "true", null),
				row("2", "12", "2025-01-01", "false", null), row("3", null, null, null, "integer|n|12.5"),
				row("4", "7", null, null, "date|d|2024-13-01"), row("5", "7", null, null, "boolean|b|peut-être"));
	}

	@Test
	void concatenatesSplitCommuneCodesAndReadsTheFileName() throws Exception {
		Mapping mapping = mapping("""
				columns:
				  - from_file: "ensemble_([0-9]{4})_"
				    target: edition
				    type: integer
				  - concat: [dep, com]
				    target: commune_code
				    type: code
				    transform: [{regex_replace: {pattern: "^(..).?(...)$", with: "\\\\1\\\\2"}}]
				""");
		List<List<String>> rows = run(mapping, List.of("dep", "com"), row("01", "001"), row("971", "101"),
				row("2A", "004"), row("75", null));
		assertThat(rows).containsExactly(row("1", "2025", "01001", null), row("2", "2025", "97101", null),
				row("3", "2025", "2A004", null), row("4", "2025", null, null));
	}

	@Test
	void checksSiretSirenAllowedValuesAndLabelsTurnedIntoCodes() throws Exception {
		Mapping mapping = mapping("""
				columns:
				  - name: siret
				    type: code
				    transform: [remove_spaces, {left_pad: {length: 14}}]
				    rules: [siret]
				  - name: siren
				    type: code
				    rules: [siren]
				  - name: band
				    type: code
				    transform: [{extract: {pattern: "^\\\\[([0-9]{2})\\\\]"}}]
				    rules: [{allowed: ["11", "12"]}]
				""");
		List<List<String>> rows = run(mapping, List.of("siret", "siren", "band"),
				row("32517500016", "000325175", "[12] 20 à 49 salariés"),
				row("356 000 000 49837", "356000000", "[11] 10 à 19 salariés"),
				row("35600000049838", "356000000", null), row("00032517500016", "000325176", null),
				row("00032517500016", "000325175", "vingt salariés"));
		assertThat(rows).containsExactly(row("1", "00032517500016", "000325175", "12", null),
				row("2", "35600000049837", "356000000", "11", null),
				row("3", "35600000049838", "356000000", null, "siret|siret|35600000049838"),
				row("4", "00032517500016", "000325176", null, "siren|siren|000325176"),
				row("5", "00032517500016", "000325175", "vingt salariés", "allowed|band|vingt salariés"));
	}

	@Test
	void rejectsLaterRowsRepeatingTheKeyOfAValidRow() throws Exception {
		Mapping mapping = mapping("""
				key: [code]
				columns:
				  - name: code
				    type: code
				    rules: [required]
				  - name: n
				    type: integer
				""");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			load(connection, mapping, List.of("code", "n"), List.of("CREATE SCHEMA meta; CREATE SCHEMA quality;"),
					List.of(row("a", "x"), row("a", "1"), row("b", "2"), row("a", "3"), row("b", "2"), row(null, "4"),
							row("c", "5")));
			WarehouseSchema.load(SampleExpectations.PROJECT).create(connection);
			Sql.execute(connection, "accounting", "INSERT INTO meta.file_accounting VALUES ('test_source', "
					+ "'inbox/ensemble_2025_populations.xlsx', 7, 0, 0, false)");
			Normaliser.Counts counts = Normaliser.run((org.duckdb.DuckDBConnection) connection, mapping,
					StagingSql.model(mapping));
			assertThat(counts).isEqualTo(new Normaliser.Counts(7, 3, 4));
			assertThat(query(connection,
					"SELECT CAST(_record AS VARCHAR), code, CAST(n AS VARCHAR) FROM "
							+ "staging.stg_test ORDER BY _record"))
				.containsExactly(row("2", "a", "1"), row("3", "b", "2"), row("7", "c", "5"));
			assertThat(query(connection,
					"SELECT CAST(record AS VARCHAR), rule, column_name, value, message FROM "
							+ "quality.rejected_row ORDER BY record"))
				.containsExactly(row("1", "integer", "n", "x", "n must be a whole number"),
						row("4", "duplicate_key", "code", "a", "a valid row with the same code came before"),
						row("5", "duplicate_key", "code", "b", "a valid row with the same code came before"),
						row("6", "required", "code", null, "code is required (empty or a null marker)"));
		}
	}

	@Test
	void checksReferencesAgainstAnotherStagingTable() throws Exception {
		Mapping mapping = mapping("""
				columns:
				  - name: naf
				    type: code
				    rules: [{reference: {table: staging.naf, column: code}}]
				""");
		List<List<String>> rows = runAfter(List.of("CREATE TABLE staging.naf AS SELECT '62.01Z' AS code"), mapping,
				List.of("naf"), row("62.01Z"), row("62.01A"), row((String) null));
		assertThat(rows).containsExactly(row("1", "62.01Z", null), row("2", "62.01A", "reference|naf|62.01A"),
				row("3", null, null));
	}

	@Test
	void everyRejectCarriesAMessageNamingTheColumnAndTheRule() throws Exception {
		Mapping mapping = mapping("""
				columns:
				  - name: Population municipale
				    type: integer
				    rules: [{min: 0}]
				""");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			load(connection, mapping, List.of("Population municipale"), List.of(), List.of(row("-3")));
			List<String> message = query(connection, "SELECT reject.message FROM (" + StagingSql.sql(mapping) + ")")
				.get(0);
			assertThat(message).containsExactly("Population municipale must be at least 0");
		}
	}

	private Mapping mapping(String yaml) throws Exception {
		String key = yaml.lines().filter((line) -> line.startsWith("key:")).findFirst().orElse("");
		String rest = yaml.lines().filter((line) -> !line.startsWith("key:")).collect(Collectors.joining("\n"));
		Path file = this.folder.resolve("test_source.yaml");
		Files.writeString(file, """
				source: test_source
				description: a test source
				files: ["ensemble_2025_test.csv"]
				format: csv
				target:
				  table: stg_test
				""" + (key.isEmpty() ? "" : "  " + key + "\n") + rest + "\n");
		List<Problem> problems = new ArrayList<>();
		Mapping mapping = YamlFiles.read(file, Mapping.class, "test_source.yaml", problems::add);
		assertThat(problems).isEmpty();
		assertThat(StagingSqlCheck.problem(mapping, MacroCatalog.load(SampleExpectations.PROJECT))).isEmpty();
		return mapping;
	}

	@SafeVarargs
	private final List<List<String>> runAfter(List<String> setup, Mapping mapping, List<String> headers,
			List<String>... rows) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			load(connection, mapping, headers, setup, Arrays.asList(rows));
			String columns = mapping.columns()
				.stream()
				.map((column) -> "CAST(" + Sql.identifier(column.targetName()) + " AS VARCHAR)")
				.collect(Collectors.joining(", "));
			return query(connection, "SELECT CAST(_record AS VARCHAR), " + columns
					+ ", reject.rule || '|' || reject.column_name || '|' || coalesce(reject.value, 'null') FROM ("
					+ StagingSql.sql(mapping) + ") ORDER BY _record");
		}
	}

	@SafeVarargs
	private final List<List<String>> run(Mapping mapping, List<String> headers, List<String>... rows)
			throws SQLException {
		return runAfter(List.<String>of(), mapping, headers, rows);
	}

	private static void load(Connection connection, Mapping mapping, List<String> headers, List<String> setup,
			List<List<String>> rows) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA raw; CREATE SCHEMA staging;");
			MacroCatalog.load(SampleExpectations.PROJECT).create(connection);
			for (String sql : setup) {
				statement.execute(sql);
			}
			statement.execute("CREATE TABLE " + mapping.rawTable() + " (_file VARCHAR, _record BIGINT, "
					+ headers.stream()
						.map((name) -> Sql.identifier(name) + " VARCHAR")
						.collect(Collectors.joining(", "))
					+ ")");
		}
		String placeholders = String.join(", ", java.util.Collections.nCopies(headers.size() + 2, "?"));
		try (var insert = connection
			.prepareStatement("INSERT INTO " + mapping.rawTable() + " VALUES (" + placeholders + ")")) {
			long record = 0;
			for (List<String> row : rows) {
				insert.setString(1, "inbox/ensemble_2025_populations.xlsx");
				insert.setLong(2, ++record);
				for (int i = 0; i < row.size(); i++) {
					insert.setString(i + 3, row.get(i));
				}
				insert.executeUpdate();
			}
		}
	}

	private static List<List<String>> query(Connection connection, String sql) throws SQLException {
		List<List<String>> result = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			int count = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= count; i++) {
					row.add(rows.getString(i));
				}
				result.add(row);
			}
		}
		return result;
	}

	private static List<String> row(String... values) {
		return Arrays.asList(values);
	}

}
