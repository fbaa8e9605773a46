package fr.territoire.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.support.RegisterFileFigures;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SharedData;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every real SIRENE file of {@code ../shared/data/sirene}, in every layout, loaded by the
 * source's mapping into a real DuckDB warehouse and validated by its staging model: rows
 * read, staged and rejected (by rule) equal what commons-csv and the rules written again
 * in Java find in the same file.
 */
class SireneStockFilesIntegrationTests {

	@TempDir
	static Path home;

	static WarehouseSession warehouse;

	static MappingCatalog mappings;

	static ModelCatalog models;

	@BeforeAll
	static void openWarehouse() {
		warehouse = new WarehouseSession(new TerritoireHome(home, SampleExpectations.PROJECT, home),
				new TerritoireProperties.Warehouse("1GB", 2));
		mappings = MappingCatalog.load(SampleExpectations.PROJECT);
		models = ModelCatalog.load(SampleExpectations.PROJECT);
	}

	@AfterAll
	static void closeWarehouse() {
		warehouse.close();
	}

	@Test
	void loadsThe2024StockLayout() throws IOException {
		Path file = SharedData.file("sirene/trackdechets-sirene-search/StockEtablissement_utf8.csv");
		Figures figures = load("sirene_etablissement", file);
		assertThat(figures.accounting()).isEqualTo(Figures.expected(RegisterFileFigures.establishments(file)));
		assertThat(figures.read()).isEqualTo(299);
		assertThat(figures.unknownColumns()).isEmpty();
	}

	@Test
	void loadsTheZippedStockWithoutUnzipping() throws IOException {
		Path zip = SharedData.file("sirene/trackdechets-sirene-search/StockEtablissement_utf8_sample.zip");
		Figures figures = load("sirene_etablissement", zip);
		assertThat(figures.accounting()).isEqualTo(Figures.expected(RegisterFileFigures.establishments(zip)));
		assertThat(figures.read()).isEqualTo(299);
		// the same rows as the unzipped copy, and no expanded file left behind
		try (var spill = Files.walk(home)) {
			assertThat(spill.filter((path) -> path.getFileName().toString().startsWith("unzipped-"))).isEmpty();
		}
	}

	@Test
	void loadsTheParquetTwinWithTypedColumns() throws IOException {
		Path csv = SharedData.file("sirene/trackdechets-sirene-search/StockEtablissement_utf8.csv");
		Path parquet = home.resolve("StockEtablissement_utf8.parquet");
		// as INSEE's Parquet: codes as text, dates as dates, counts as integers
		Sql.execute(connection(), "write a Parquet twin",
				"COPY (SELECT * REPLACE (" + "CAST(dateCreationEtablissement AS DATE) AS dateCreationEtablissement, "
						+ "CAST(nombrePeriodesEtablissement AS INTEGER) AS nombrePeriodesEtablissement) FROM read_csv("
						+ Sql.literal(csv.toString()) + ", all_varchar = true)) TO " + Sql.literal(parquet.toString())
						+ " (FORMAT parquet)");
		Figures figures = load("sirene_etablissement", parquet);
		assertThat(figures.accounting()).isEqualTo(Figures.expected(RegisterFileFigures.establishments(csv)));
		assertThat(Sql.queryLong(connection(), "SELECT count(*) FROM checked WHERE date_creation IS NOT NULL"))
			.isEqualTo(countNonEmpty(csv, "dateCreationEtablissement"))
			.isPositive();
	}

	@Test
	void loadsTheDecember2025LayoutWithNaf25() throws IOException {
		Path file = SharedData
			.file("sirene/camillelv-lyon2-data-quality/StockEtablissement_utf8_2025layout_EXTRACT_transcribed.csv");
		Figures figures = load("sirene_etablissement", file);
		assertThat(figures.accounting()).isEqualTo(Figures.expected(RegisterFileFigures.establishments(file)));
		assertThat(figures.read()).isEqualTo(16);
		assertThat(Sql.queryLong(connection(),
				"SELECT count(activite_principale_naf25) FROM checked WHERE activite_principale_naf25 IS NOT NULL"))
			.isEqualTo(countNonEmpty(file, "activitePrincipaleNAF25Etablissement"))
			.isPositive();
	}

	@Test
	void loadsAnApiExtractAndKeepsAndReportsItsUnknownColumns() throws IOException {
		Path file = SharedData.file("sirene/gordesch-diag/sirene-all.csv");
		Figures figures = load("sirene_etablissement", file);
		RegisterFileFigures expected = RegisterFileFigures.establishments(file);
		assertThat(figures.accounting()).isEqualTo(Figures.expected(expected));
		assertThat(figures.read()).isEqualTo(3929);
		// unknown = the file's header minus the current stock layout (read from the
		// December 2025 file itself)
		List<String> stockLayout = RegisterFileFigures
			.establishments(SharedData
				.file("sirene/camillelv-lyon2-data-quality/StockEtablissement_utf8_2025layout_EXTRACT_transcribed.csv"))
			.header();
		List<String> unknown = expected.header().stream().filter((name) -> !stockLayout.contains(name)).toList();
		assertThat(unknown).hasSize(30).contains("denominationUniteLegale", "categorieJuridiqueUniteLegale");
		assertThat(figures.unknownColumns()).isEqualTo(unknown);
		assertThat(Sql.queryLong(connection(), "SELECT count(*) FROM raw.sirene_etablissement__unknown_column"))
			.isEqualTo(3929L * unknown.size());
	}

	@Test
	void loadsTheLegalUnitStockPlainAndZipped() throws IOException {
		for (String name : List.of("StockUniteLegale_utf8.csv", "StockUniteLegale_utf8_sample.zip")) {
			Path file = SharedData.file("sirene/trackdechets-sirene-search/" + name);
			Figures figures = load("sirene_unite_legale", file);
			assertThat(figures.accounting()).as(name).isEqualTo(Figures.expected(RegisterFileFigures.legalUnits(file)));
			assertThat(figures.read()).as(name).isEqualTo(3999);
		}
	}

	@Test
	void quarantinesExactlyTheInvalidRowsOfAGeneratedStock() throws IOException {
		Path zip = home.resolve("generated/StockEtablissement_utf8.zip");
		fr.territoire.generate.SireneStockGenerator.generate(SampleExpectations.PROJECT, zip, 30_000, 5);
		RegisterFileFigures expected = RegisterFileFigures.establishments(zip);
		Figures figures = load("sirene_etablissement", zip);
		assertThat(figures.accounting()).isEqualTo(Figures.expected(expected));
		assertThat(figures.read()).isEqualTo(30_000);
		assertThat(expected.rejected()).isPositive();
		assertThat(figures.unknownColumns()).isEmpty();
	}

	/**
	 * Record numbers come from row ids (RawTable): they must follow the file's order when
	 * DuckDB reads the gzip-wrapped zip on one thread and when it reads the plain CSV
	 * with two threads (a 90 MB file spans several of its read buffers).
	 */
	@Test
	void numbersEveryRecordInFileOrderWhetherReadZippedOrInParallel() throws IOException {
		Path zip = home.resolve("ordered/StockEtablissement_utf8.zip");
		fr.territoire.generate.SireneStockGenerator.generate(SampleExpectations.PROJECT, zip, 400_000, 11);
		Path csv = home.resolve("ordered/StockEtablissement_utf8.csv");
		try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
			in.getNextEntry();
			Files.copy(in, csv);
		}
		List<String> sirets = new java.util.ArrayList<>();
		try (var reader = Files.newBufferedReader(csv);
				var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			parser.forEach((row) -> sirets.add(row.get("siret")));
		}
		assertThat(Files.size(csv)).isGreaterThan(64L << 20);
		Path gzip = home.resolve("ordered/StockEtablissement_utf8.csv.gz");
		try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
			Files.copy(csv, out);
		}
		for (Path file : List.of(zip, csv, gzip)) {
			load("sirene_etablissement", file);
			assertThat(Sql.queryRows(connection(),
					"SELECT count(*), count(DISTINCT _record), min(_record), max(_record) FROM raw.sirene_etablissement"))
				.as(file.getFileName().toString())
				.containsExactly(List.of("400000", "400000", "1", "400000"));
			List<String> loaded = Sql
				.queryRows(connection(), "SELECT siret FROM raw.sirene_etablissement ORDER BY _record")
				.stream()
				.map((row) -> row.get(0))
				.toList();
			assertThat(loaded).as(file.getFileName().toString()).isEqualTo(sirets);
		}
	}

	@Test
	void rejectsOldGeoSireneLayoutNamingFileAndMissingColumns() {
		Path file = SharedData.file("sirene/colinmaudry-sirene-ld/geo-sirene_35_small.csv");
		assertThatThrownBy(() -> load("sirene_etablissement", file)).isInstanceOfSatisfying(TerritoireException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.MISSING_COLUMN);
					assertThat(ex.getMessage()).contains("geo-sirene_35_small.csv", "'siret'",
							"'etatAdministratifEtablissement'");
				});
	}

	@Test
	void rejectsPortalExportWithFrenchLabelHeaders() {
		Path file = SharedData.file("sirene/joelgombin-bars/sirene.csv");
		assertThatThrownBy(() -> load("sirene_etablissement", file)).isInstanceOfSatisfying(TerritoireException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.MISSING_COLUMN);
					assertThat(ex.getMessage()).contains("sirene.csv", "'siren'");
				});
	}

	@Test
	void refusesTheMisEncodedFileNamingIt() {
		Path file = SharedData.file("sirene/gordesch-diag/sirene-all.geocoded.csv");
		assertThatThrownBy(() -> load("sirene_etablissement", file)).isInstanceOfSatisfying(TerritoireException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
					assertThat(ex.getMessage()).contains("sirene-all.geocoded.csv", "UTF-8");
				});
		assertThat(Sql.queryLong(connection(), "SELECT count(*) FROM raw.sirene_etablissement")).isZero();
	}

	private static DuckDBConnection connection() {
		return warehouse.connection();
	}

	/**
	 * Loads one file as the ingest step does, then validates it as the normalise step
	 * does (into the temporary table {@code checked}).
	 */
	private static Figures load(String source, Path path) throws IOException {
		Mapping mapping = mappings.mappings()
			.stream()
			.filter((candidate) -> candidate.source().equals(source))
			.findFirst()
			.orElseThrow();
		DuckDBConnection connection = connection();
		Sql.execute(connection, "reset", "DELETE FROM meta.unknown_column; DROP TABLE IF EXISTS " + mapping.rawTable()
				+ "__unknown_column; DROP TABLE IF EXISTS checked");
		RawTable.create(connection, mapping);
		InputFile file = new InputFile(source, path, path.getFileName().toString(), Files.size(path), "not hashed");
		long read = RawLoader.forFormat(mapping.format()).load(connection, mapping, file);
		SqlModel model = models.layer(SqlModel.Layer.STAGING)
			.stream()
			.filter((candidate) -> source.equals(candidate.spec().source()))
			.findFirst()
			.orElseThrow();
		Sql.execute(connection, "validate", "CREATE TEMP TABLE checked AS\n" + model.sql());
		long staged = Sql.queryLong(connection, "SELECT count(*) FROM checked WHERE reject IS NULL");
		Map<String, Long> rejected = new TreeMap<>();
		Sql.queryRows(connection,
				"SELECT reject.rule || ':' || reject.column_name, count(*) FROM checked WHERE reject IS NOT NULL GROUP BY 1")
			.forEach((row) -> rejected.put(row.get(0), Long.parseLong(row.get(1))));
		List<String> unknown = Sql
			.queryRows(connection, "SELECT column_name FROM meta.unknown_column ORDER BY position")
			.stream()
			.map((row) -> row.get(0))
			.toList();
		return new Figures(read, staged, rejected, unknown);
	}

	private static long countNonEmpty(Path file, String column) throws IOException {
		try (var reader = Files.newBufferedReader(file);
				var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			return parser.stream().filter((row) -> !row.get(column).isBlank()).count();
		}
	}

	record Figures(long read, long staged, Map<String, Long> rejectedByRule, List<String> unknownColumns) {

		Accounting accounting() {
			return new Accounting(this.read, this.staged, this.rejectedByRule);
		}

		static Accounting expected(RegisterFileFigures figures) {
			return new Accounting(figures.records(), figures.records() - figures.rejected(), figures.rejectedByRule());
		}

	}

	record Accounting(long read, long staged, Map<String, Long> rejectedByRule) {

	}

}
