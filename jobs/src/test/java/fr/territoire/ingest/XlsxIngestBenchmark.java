package fr.territoire.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.Warehouses;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duckdb.DuckDBConnection;

/**
 * The XLSX ingestion benchmark of {@code bench/xlsx-ingest.sh}, not a test: builds a
 * workbook of N rows × 15 columns with POI's streaming writer, then ingests it through
 * the real {@link XlsxRawLoader} into a real DuckDB file, or reads it with POI's user
 * model for comparison. Run it in a JVM whose heap is capped ({@code -Xmx256m}).
 *
 * <pre>
 * generate FILE ROWS        write the workbook (sheet "Etablissements", header on row 1)
 * ingest FILE WAREHOUSE     load it into raw.bench of a new DuckDB file, print figures
 * usermodel FILE            open it with XSSFWorkbook and count its cells
 * </pre>
 */
public final class XlsxIngestBenchmark {

	static final List<String> COLUMNS = List.of("siret", "codeCommune", "codePostal", "denomination", "libelleCommune",
			"adresse", "activitePrincipale", "trancheEffectifs", "effectif", "anneeCreation", "chiffreAffaires",
			"latitude", "dateCreation", "dateMiseAJour", "employeur");

	private static final String[] COMMUNES = { "Entzheim", "Strasbourg", "Ambérieu-en-Bugey", "L'Abergement-Clémenciat",
			"Saint-Étienne", "Île-d'Yeu", "Bourg-en-Bresse", "Colmar", "Mulhouse", "Haguenau" };

	private static final String[] ACTIVITIES = { "47.11Z", "56.10A", "62.01Z", "68.20B", "84.11Z", "01.11Z", "43.21A",
			"86.21Z", "10.71C", "49.41A" };

	private static final LocalDate EPOCH = LocalDate.of(1990, 1, 1);

	private XlsxIngestBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		switch (arguments[0]) {
			case "generate" -> generate(Path.of(arguments[1]), Integer.parseInt(arguments[2]));
			case "ingest" -> ingest(Path.of(arguments[1]), Path.of(arguments[2]));
			case "usermodel" -> userModel(Path.of(arguments[1]));
			default ->
				throw new IllegalArgumentException("usage: generate FILE ROWS | ingest FILE DB | usermodel FILE");
		}
	}

	/** Row i (1-based data row) as the reader should return it. */
	static List<String> expected(int i) {
		LocalDate created = EPOCH.plusDays(i % 12_000);
		return List.of(String.format("%014d", i * 7L), String.format("%05d", 1000 + i % 95_000),
				String.format("%05d", 1000 + i % 90_000), "ETABLISSEMENT N° " + i + " SARL",
				COMMUNES[i % COMMUNES.length], (i % 300) + " rue de la Gare, bâtiment " + (char) ('A' + i % 26),
				ACTIVITIES[i % ACTIVITIES.length], String.format("%02d", i % 53), String.valueOf(i % 5000),
				String.valueOf(1950 + i % 75), plain(BigDecimal.valueOf(i * 137L % 10_000_000, 2)),
				plain(BigDecimal.valueOf(41).add(BigDecimal.valueOf(i % 1_000_000, 5))), created.toString(),
				created.plusDays(i % 400).toString(), String.valueOf(i % 3 == 0));
	}

	/** Decimals are written as the nearest double, read back rounded to 15 digits. */
	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	static void generate(Path file, int rows) throws IOException {
		long started = System.nanoTime();
		// shared strings, as Excel writes them: the reader must hold them in memory
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			Sheet sheet = workbook.createSheet("Etablissements");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			Row header = sheet.createRow(0);
			for (int c = 0; c < COLUMNS.size(); c++) {
				header.createCell(c).setCellValue(COLUMNS.get(c));
			}
			for (int i = 1; i <= rows; i++) {
				List<String> values = expected(i);
				Row row = sheet.createRow(i);
				for (int c = 0; c < 8; c++) {
					row.createCell(c).setCellValue(values.get(c));
				}
				row.createCell(8).setCellValue(Double.parseDouble(values.get(8)));
				row.createCell(9).setCellValue(Double.parseDouble(values.get(9)));
				row.createCell(10).setCellValue(Double.parseDouble(values.get(10)));
				row.createCell(11).setCellValue(Double.parseDouble(values.get(11)));
				for (int c = 12; c < 14; c++) {
					row.createCell(c).setCellValue(LocalDate.parse(values.get(c)));
					row.getCell(c).setCellStyle(date);
				}
				row.createCell(14).setCellValue(Boolean.parseBoolean(values.get(14)));
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		System.out.printf(Locale.ROOT, "generated %s: %d rows x %d columns, %.1f MB, in %.1f s%n", file, rows,
				COLUMNS.size(), Files.size(file) / 1e6, (System.nanoTime() - started) / 1e9);
	}

	static void ingest(Path file, Path warehouse) throws Exception {
		Mapping mapping = new Mapping("bench", "XLSX ingestion benchmark", List.of("*.xlsx"), Mapping.Format.XLSX, null,
				null, null, null, null, "Etablissements", null, new Mapping.Header(1, null), null,
				COLUMNS.stream().map(fr.territoire.mapping.Column::named).toList(), null, null, null, null, null, null);
		InputFile input = new InputFile("bench", file.toAbsolutePath(), file.getFileName().toString(), Files.size(file),
				"not hashed");
		Files.deleteIfExists(warehouse);
		try (DuckDBConnection connection = Warehouses.open(warehouse, false,
				new TerritoireProperties.Warehouse("2GB", 2))) {
			Sql.execute(connection, "raw schema", "CREATE SCHEMA raw");
			RawTable.create(connection, mapping);
			System.gc();
			heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
			long started = System.nanoTime();
			long rows = RawLoader.forFormat(Mapping.Format.XLSX).load(connection, mapping, input);
			double seconds = (System.nanoTime() - started) / 1e9;
			long peakHeap = heapPools().stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
			verify(connection, rows);
			System.out.printf(Locale.ROOT,
					"rows=%d wall=%.2fs rows_per_s=%.0f heap_max=%dMB " + "heap_peak_sum_of_pools=%dMB vm_hwm=%s%n",
					rows, seconds, rows / seconds, Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20,
					vmHighWaterMark());
		}
	}

	/** Exact count, and every value of a sample of rows against the generator. */
	private static void verify(DuckDBConnection connection, long rows) {
		long count = Sql.queryLong(connection, "SELECT count(*) FROM raw.bench");
		if (count != rows) {
			throw new IllegalStateException(count + " rows in raw.bench, the loader said " + rows);
		}
		for (long record = 2; record <= rows + 1; record += Math.max(1, rows / 97)) {
			List<String> actual = new ArrayList<>(Sql
				.queryRows(connection, "SELECT * EXCLUDE (_file, _record) FROM raw.bench WHERE _record = ?", record)
				.get(0));
			List<String> expected = expected((int) record - 1);
			if (!actual.equals(expected)) {
				throw new IllegalStateException("sheet row " + record + ": expected " + expected + ", read " + actual);
			}
		}
		System.out.println("verified: " + rows + " rows, values of 98 sampled rows as generated");
	}

	static void userModel(Path file) throws Exception {
		long started = System.nanoTime();
		try (OPCPackage container = OPCPackage.open(file.toFile(), PackageAccess.READ);
				XSSFWorkbook workbook = new XSSFWorkbook(container)) {
			long cells = 0;
			for (Row row : workbook.getSheet("Etablissements")) {
				cells += row.getPhysicalNumberOfCells();
			}
			System.out.printf(Locale.ROOT, "usermodel: %d cells in %.1f s, heap_max=%dMB vm_hwm=%s%n", cells,
					(System.nanoTime() - started) / 1e9, Runtime.getRuntime().maxMemory() >> 20, vmHighWaterMark());
		}
		catch (OutOfMemoryError ex) {
			System.out.printf(Locale.ROOT, "usermodel: OutOfMemoryError (%s) after %.1f s with heap_max=%dMB%n",
					ex.getMessage(), (System.nanoTime() - started) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
			System.exit(3);
		}
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

	private static String vmHighWaterMark() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return "n/a";
		}
		return Files.readAllLines(status)
			.stream()
			.filter((line) -> line.startsWith("VmHWM:"))
			.map((line) -> line.substring("VmHWM:".length()).strip().replace(" ", ""))
			.findFirst()
			.orElse("n/a");
	}

}
