package fr.territoire.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corrupt-input corpus (issue 17, Build 7): each fault of
 * {@code src/test/resources/corrupt/expected.csv} put in the inbox after a good nightly.
 * Each fault the run must refuse is its own run (it stops at the first refused file): the
 * message names the file (row, column and value where the fault has them) and the
 * previous release and warehouse stay byte for byte the same. The faults quarantined
 * row-wise, the loaded and the skipped ones share one run that completes: the quarantine
 * holds exactly the rows this test finds bad by its own reading of the files.
 * <p>
 * The inbox is the small test inbox ({@link SmallInbox}, one département) with the
 * partner's members workbook of the samples added, the register's stock cut to its first
 * lines: each of the nine nightlies then publishes 500 communes instead of 35,000.
 */
class CorruptInputCorpusIntegrationTests {

	private static final Path CORPUS = Path.of("src/test/resources/corrupt");

	private static final String GOOD_DATE = "2026-11-20";

	private static final String BAD_DATE = "2026-11-21";

	private static final String ROWS_DATE = "2026-11-22";

	private static final String MEMBERS = "partners/cluster-aero-grand-est/membres.xlsx";

	private static final String ACCENTED = "sirene/StockEtablissement_copie été 2026.csv";

	/** Lines of the register's stock kept (the header included), for short runs. */
	private static final int STOCK_LINES = 200;

	@TempDir
	Path base;

	@Test
	void everyCorruptInputIsRefusedNamingItOrQuarantinedRowByRowAndThePreviousReleaseStaysIntact() throws Exception {
		long started = System.nanoTime();
		List<CorpusCase> corpus = corpus();
		assertThat(corpus).hasSize(14);
		Path good = Files.createDirectories(this.base.resolve("good"));
		SmallInbox.copyTo(good);
		Path members = good.resolve(MEMBERS);
		Files.createDirectories(members.getParent());
		Files.copy(SampleExpectations.SAMPLES.resolve(MEMBERS), members);
		Path stock = good.resolve("sirene/StockEtablissement_utf8_entzheim.csv");
		List<String> lines = Files.readAllLines(stock, StandardCharsets.UTF_8);
		Files.write(stock, lines.subList(0, STOCK_LINES), StandardCharsets.UTF_8);
		Path home = this.base.resolve("home");
		Launcher.Result first = run(home, GOOD_DATE, good);
		assertThat(first.exitCode()).as(first.output()).isZero();
		Map<String, String> before = servedChecksums(home);

		List<String> refused = new ArrayList<>();
		for (CorpusCase fault : corpus) {
			if (!fault.outcome().equals("refused")) {
				continue;
			}
			Path inbox = copy(good, this.base.resolve("inbox-" + refused.size()));
			place(fault, inbox);
			Launcher.Result run = run(home, BAD_DATE, inbox);
			assertThat(run.exitCode()).as("%s:%n%s", fault.name(), run.output()).isEqualTo(1);
			for (String fragment : fault.expected().split("\\|")) {
				assertThat(run.output()).as(fault.name()).contains(fragment);
			}
			assertThat(run.output()).as(fault.name()).doesNotContain("\tat ");
			assertThat(servedChecksums(home)).as("latest and current.duckdb after %s", fault.name()).isEqualTo(before);
			refused.add(fault.name());
		}
		assertThat(refused).hasSize(7);

		Path inbox = copy(good, this.base.resolve("inbox-rows"));
		for (CorpusCase fault : corpus) {
			if (!fault.outcome().equals("refused")) {
				place(fault, inbox);
			}
		}
		Launcher.Result rows = run(home, ROWS_DATE, inbox);
		assertThat(rows.exitCode()).as(rows.output()).isZero();
		assertQuarantine(home, inbox);
		assertLoaded(home, inbox);
		assertThat(Files.readString(home.resolve("logs/territoire.log")))
			.contains("Skipped sirene/StockEtablissement_boucle.csv for source sirene_etablissement");
		System.out.printf("Corrupt-input corpus: %d refused runs and one quarantine run, %d s in all%n", refused.size(),
				(System.nanoTime() - started) / 1_000_000_000L);
	}

	/**
	 * Exactly the rows found bad here: bad dates, bad SIRET keys, the repeated member.
	 */
	private static void assertQuarantine(Path home, Path inbox) throws Exception {
		Set<String> expected = new HashSet<>();
		List<CSVRecord> records = csv(inbox.resolve(ACCENTED));
		for (int i = 0; i < records.size(); i++) {
			CSVRecord record = records.get(i);
			if (!luhn(record.get("siret"))) {
				expected.add("sirene_etablissement|" + ACCENTED + "|" + (i + 1) + "|checksum|" + record.get("siret"));
			}
			else if (!isoDate(record.get("dateCreationEtablissement"))) {
				expected.add("sirene_etablissement|" + ACCENTED + "|" + (i + 1) + "|date|"
						+ record.get("dateCreationEtablissement"));
			}
		}
		assertThat(expected).as("bad rows of the corpus file").hasSize(4);
		int repeated = lastRow(inbox.resolve(MEMBERS));
		expected.add("partner_members|" + MEMBERS + "|" + repeated + "|duplicate_key|" + firstMemberSiret(inbox));
		try (Warehouse warehouse = Warehouse.open(home.resolve("warehouse/current.duckdb"))) {
			List<String> quarantined = warehouse
				.rows("SELECT source, file, record, rule, value FROM quality.rejected_row ORDER BY ALL")
				.stream()
				.map((row) -> String.join("|", row))
				.toList();
			assertThat(quarantined).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/**
	 * The accented file's good rows staged, the header-only file read as none, and every
	 * fee written as a formula without its result evaluated to the samples' value.
	 */
	private static void assertLoaded(Path home, Path inbox) throws Exception {
		try (Warehouse warehouse = Warehouse.open(home.resolve("warehouse/current.duckdb"))) {
			assertThat(warehouse.count("SELECT count(*) FROM staging.stg_sirene__etablissement WHERE _file = '"
					+ ACCENTED.replace("'", "''") + "'"))
				.isEqualTo(csv(inbox.resolve(ACCENTED)).size() - 4);
			assertThat(warehouse.rows("SELECT rows_read FROM meta.file_accounting WHERE file = "
					+ "'sirene/StockEtablissement_entete.csv'"))
				.containsExactly(List.of("0"));
			Map<String, String> fees = new TreeMap<>();
			for (List<String> row : warehouse.rows("SELECT _record, \"Cotisation (€)\" FROM raw.partner_members")) {
				fees.put(row.get(0), row.get(1));
			}
			assertThat(fees).isEqualTo(sampleFees());
		}
	}

	private static Launcher.Result run(Path home, String date, Path inbox) throws Exception {
		return Launcher.run("--home", home.toString(), "run", "nightly", "--date", date, "--inbox", inbox.toString());
	}

	/** SHA-256 of current.duckdb and of every file of the release latest points at. */
	private static Map<String, String> servedChecksums(Path home) throws IOException {
		Map<String, String> sums = new TreeMap<>();
		sums.put("current.duckdb", sha256(home.resolve("warehouse/current.duckdb")));
		Path release = home.resolve("publish/latest").toRealPath();
		sums.put("latest", release.getFileName().toString());
		try (Stream<Path> files = Files.walk(release)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				sums.put(release.relativize(file).toString(), sha256(file));
			}
		}
		return sums;
	}

	/** Puts a fault into an inbox, from the corpus folder or generated. */
	private static void place(CorpusCase fault, Path inbox) throws Exception {
		Path target = inbox.resolve(fault.inboxPath());
		Files.createDirectories(target.getParent());
		switch (fault.name()) {
			case "truncated zip" -> {
				byte[] zip = zip(Map.of("StockEtablissement.csv", stockText(inbox)));
				Files.write(target, java.util.Arrays.copyOf(zip, zip.length / 2));
			}
			case "zip with two entries" -> Files.write(target, zip(Map.of("StockEtablissement_a.csv", stockText(inbox),
					"StockEtablissement_b.csv", stockText(inbox))));
			case "zip bomb" -> Files.write(target, zip(Map.of("StockEtablissement.csv", new byte[64 << 20])));
			case "binary garbage named .csv" -> {
				byte[] bytes = new byte[4096];
				new Random(17).nextBytes(bytes);
				Files.write(target, bytes);
			}
			case "10 MB line" -> {
				List<CSVRecord> records = csv(CORPUS.resolve("bad-rows.csv"));
				try (var printer = CSVFormat.DEFAULT.builder()
					.setRecordSeparator('\n')
					.get()
					.print(Files.newBufferedWriter(target, StandardCharsets.UTF_8))) {
					printer.printRecord(records.get(0).getParser().getHeaderNames());
					for (int i = 4; i < 6; i++) {
						List<String> values = new ArrayList<>(records.get(i).toList());
						if (i == 5) {
							values.set(records.get(i).getParser().getHeaderMap().get("libelleVoieEtablissement"),
									"R".repeat(10 << 20));
						}
						printer.printRecord(values);
					}
				}
			}
			case "symlink loop" -> Files.createSymbolicLink(target, target.getFileName());
			// both faults are in the same workbook, written once
			case "duplicate keys", "formulas without cached value" ->
				membersWithFormulasAndARepeatedRow(SampleExpectations.SAMPLES.resolve(MEMBERS), target);
			default ->
				Files.copy(CORPUS.resolve(fault.madeFrom()), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * The samples' members workbook with every fee (column G) replaced by a formula
	 * without its result ({@code =<fee>*2/2}) and its first member (row 4) repeated after
	 * the last row.
	 */
	private static void membersWithFormulasAndARepeatedRow(Path sample, Path target) throws IOException {
		try (InputStream in = Files.newInputStream(sample); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			int last = sheet.getLastRowNum();
			Row copy = sheet.createRow(last + 1);
			Row first = sheet.getRow(3);
			for (Cell cell : first) {
				Cell to = copy.createCell(cell.getColumnIndex());
				to.setCellStyle(cell.getCellStyle());
				switch (cell.getCellType()) {
					case NUMERIC -> to.setCellValue(cell.getNumericCellValue());
					case STRING -> to.setCellValue(cell.getStringCellValue());
					default -> {
					}
				}
			}
			for (int r = 3; r <= last + 1; r++) {
				Row row = sheet.getRow(r);
				Cell fee = (row != null) ? row.getCell(6) : null;
				if (fee != null && fee.getCellType() == CellType.NUMERIC) {
					double value = fee.getNumericCellValue();
					row.removeCell(fee);
					row.createCell(6).setCellFormula(plain(value) + "*2/2");
				}
			}
			try (OutputStream out = Files.newOutputStream(target)) {
				workbook.write(out);
			}
		}
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(target.toFile())) {
			String sheetXml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(sheetXml).as("fees written as formulas without results")
				.contains("*2/2</f>")
				.doesNotContain("*2/2</f><v>");
		}
	}

	/** The fee of each member row of the samples' workbook, by sheet row. */
	private static Map<String, String> sampleFees() throws IOException {
		Map<String, String> fees = new TreeMap<>();
		try (InputStream in = Files.newInputStream(SampleExpectations.SAMPLES.resolve(MEMBERS));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || row.getCell(0) == null) {
					continue;
				}
				Cell fee = row.getCell(6);
				fees.put(Integer.toString(r + 1), (fee != null && fee.getCellType() == CellType.NUMERIC)
						? plain(fee.getNumericCellValue()) : null);
			}
			Cell fee = sheet.getRow(3).getCell(6);
			fees.put(Integer.toString(sheet.getLastRowNum() + 2), plain(fee.getNumericCellValue()));
		}
		return fees;
	}

	private static int lastRow(Path workbookFile) throws IOException {
		try (InputStream in = Files.newInputStream(workbookFile); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			return workbook.getSheetAt(0).getLastRowNum() + 1;
		}
	}

	private static String firstMemberSiret(Path inbox) throws IOException {
		try (InputStream in = Files.newInputStream(inbox.resolve(MEMBERS));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			return String.format("%014d", (long) workbook.getSheetAt(0).getRow(3).getCell(0).getNumericCellValue());
		}
	}

	private static String plain(double value) {
		return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
	}

	private static byte[] stockText(Path inbox) throws IOException {
		return Files.readAllBytes(inbox.resolve("sirene/StockEtablissement_utf8_national_extract.csv"));
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static boolean luhn(String digits) {
		if (!digits.matches("[0-9]{14}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	private static boolean isoDate(String text) {
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static List<CSVRecord> csv(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
		return to;
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<CorpusCase> corpus() throws IOException {
		try (Reader reader = Files.newBufferedReader(CORPUS.resolve("expected.csv"), StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)
				.getRecords()
				.stream()
				.map((record) -> new CorpusCase(record.get("case"), record.get("inbox_path"), record.get("made_from"),
						record.get("outcome"), record.get("expected")))
				.toList();
		}
	}

	/**
	 * One line of the corpus table.
	 *
	 * @param name the fault
	 * @param inboxPath where it is put in the inbox
	 * @param madeFrom a file of the corpus folder, or how the test generates it
	 * @param outcome refused, quarantined, loaded or skipped
	 * @param expected the fragments of the message ({@code |}-separated) for a refused
	 * one
	 */
	record CorpusCase(String name, String inboxPath, String madeFrom, String outcome, String expected) {
	}

}
