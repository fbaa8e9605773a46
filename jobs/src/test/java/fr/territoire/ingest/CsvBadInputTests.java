package fr.territoire.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad CSV input through the real loader into a real DuckDB file: each case either fails
 * with an error code and a location naming the file, line, column and value, in one clear
 * sentence, or loads every row.
 */
class CsvBadInputTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Path FRANCE_2017 = Path.of(System.getProperty("territoire.project-dir", ".."))
		.toAbsolutePath()
		.resolve("../shared/data/geography/etalab-geohisto/France2017.txt")
		.normalize();

	@TempDir
	Path inbox;

	@TempDir
	Path warehouseFolder;

	private DuckDBConnection connection;

	@BeforeEach
	void openWarehouse() throws SQLException {
		this.connection = (DuckDBConnection) DriverManager
			.getConnection("jdbc:duckdb:" + this.warehouseFolder.resolve("warehouse.duckdb"));
		Sql.execute(this.connection, "settings", "SET threads = 2; SET memory_limit = '512MB'; CREATE SCHEMA raw; "
				+ "CREATE SCHEMA meta; CREATE SCHEMA quality; ");
		fr.territoire.warehouse.WarehouseSchema.load(fr.territoire.support.SampleExpectations.PROJECT)
			.create(this.connection);
	}

	@AfterEach
	void closeWarehouse() throws SQLException {
		this.connection.close();
	}

	@Test
	void loadsEveryRowOfAWellFormedFileWithQuotedDelimitersAndLineBreaks() throws IOException {
		Mapping mapping = csv(',', "siret", "nom");
		InputFile file = write("ok.csv", "nom,siret,autre\n\"DUPONT, PÈRE ET FILS\",00012,x\n"
				+ "\"ATELIER \"\"LE PONT\"\"\nSITE 2\",00034,y\nCAFÉ,00056,z\n");

		assertThat(load(mapping, file)).isEqualTo(3);
		assertThat(rows(mapping)).containsExactly(List.of("ok.csv", "1", "00012", "DUPONT, PÈRE ET FILS"),
				List.of("ok.csv", "2", "00034", "ATELIER \"LE PONT\"\nSITE 2"),
				List.of("ok.csv", "3", "00056", "CAFÉ"));
	}

	@Test
	void rejectsAFileDeclaredUtf8ThatIsWindows1252NamingItsFirstBadLine() throws IOException {
		Mapping mapping = csv(';', "code", "nom");
		InputFile file = write("communes.csv",
				"code;nom;population\n01001;L'Abergement-Clemenciat;859\n01002;L'Abergement-de-Varey;267\n"
						+ "01004;Ambérieu-en-Bugey;14514\n01005;Ambérieux-en-Dombes;1739\n",
				WINDOWS_1252);

		TerritoireException error = failure(mapping, file);

		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.location()).isEqualTo(new Location("communes.csv", null, 3L, "nom", "Amb\\xE9rieu-en-Bugey"));
		assertThat(error.getMessage()).contains("line 4 (data record 3) is not UTF-8 (byte 0xE9)")
			.contains("declares the file as UTF-8")
			.contains("windows-1252");
		assertClear(error);
	}

	@Test
	void rejectsTheRealInseeWindows1252FileDeclaredUtf8NamingLineColumnAndValue() throws IOException {
		assumeTrue(Files.isRegularFile(FRANCE_2017),
				"shared real data absent: " + FRANCE_2017 + " (the Windows-1252 COG 2017 of etalab-geohisto)");
		Path copy = Files.copy(FRANCE_2017, this.inbox.resolve("France2017.txt"));
		Mapping mapping = csv('\t', "DEP", "COM", "NCCENR");
		Expected expected = firstNonUtf8Field(Files.readAllBytes(copy), (byte) '\t');

		TerritoireException error = failure(mapping, InputDiscovery.describe(this.inbox, "bad", copy));

		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.location())
			.isEqualTo(new Location("France2017.txt", null, expected.line() - 1, expected.column(), expected.value()));
		assertThat(error.getMessage()).contains("line " + expected.line() + " (data record " + (expected.line() - 1)
				+ ") is not UTF-8 (byte 0x" + expected.firstByte() + ")");
		assertClear(error);
	}

	@Test
	void rejectsAHeaderThatIsNotUtf8NamingLineOne() throws IOException {
		Mapping mapping = csv(';', "Code", "Libellé");
		InputFile file = write("regions.csv", "Code;Libellé\n11;Île-de-France\n", WINDOWS_1252);

		TerritoireException error = failure(mapping, file);

		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.location()).isEqualTo(new Location("regions.csv", null, null, null, "Libell\\xE9"));
		assertThat(error.getMessage()).contains("line 1 (the header) is not UTF-8");
		assertClear(error);
	}

	@Test
	void rejectsAnUnbalancedQuoteNamingItsLine() throws IOException {
		Mapping mapping = csv(',', "siret", "nom", "commune");
		InputFile file = write("etablissements.csv", "siret,nom,commune\n00012,BOULANGERIE,67001\n"
				+ "00034,\"SARL DU PONT,67002\n00056,GARAGE,67003\n00078,CAFE,67004\n");

		TerritoireException error = failure(mapping, file);

		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.location()).isEqualTo(new Location("etablissements.csv", null, 2L, "nom",
				"\"SARL DU PONT,67002\n00056,GARAGE,67003\n00078,CAFE,67004\n"));
		assertThat(error.getMessage()).contains("line 3 (data record 2) has an unbalanced quote")
			.contains("never closed");
		assertClear(error);
	}

	@Test
	void rejectsAQuoteInsideAQuotedValueThatIsNotDoubled() throws IOException {
		Mapping mapping = csv(',', "siret", "nom");
		InputFile file = write("etablissements.csv",
				"siret,nom\n00012,BOULANGERIE\n00034,\"SARL LE \"BON\" COIN\"\n00056,GARAGE\n");

		TerritoireException error = failure(mapping, file);

		assertThat(error.location())
			.isEqualTo(new Location("etablissements.csv", null, 2L, "nom", "\"SARL LE \"BON\" COIN\""));
		assertThat(error.getMessage()).contains("line 3 (data record 2) has an unbalanced quote")
			.contains("must be doubled");
		assertClear(error);
	}

	@Test
	void rejectsALineWithTooManyFieldsNamingItsLine() throws IOException {
		Mapping mapping = csv(',', "siret", "nom");
		InputFile file = write("etablissements.csv",
				"siret,nom,commune\n00012,BOULANGERIE,67001\n00034,DUPONT, PERE ET FILS,67002\n00056,GARAGE,67003\n");

		TerritoireException error = failure(mapping, file);

		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.location())
			.isEqualTo(new Location("etablissements.csv", null, 2L, null, "00034,DUPONT, PERE ET FILS,67002"));
		assertThat(error.getMessage()).contains("line 3 (data record 2) has 4 fields where the header has 3");
		assertClear(error);
	}

	@Test
	void rejectsALineWithTooFewFieldsNamingTheFirstMissingColumn() throws IOException {
		Mapping mapping = csv(',', "siret", "commune");
		InputFile file = write("etablissements.csv",
				"siret,nom,commune\r\n00012,BOULANGERIE,67001\r\n00034,GARAGE,67002\r\n00056,CAFE\r\n");

		TerritoireException error = failure(mapping, file);

		assertThat(error.location()).isEqualTo(new Location("etablissements.csv", null, 3L, "commune", "00056,CAFE"));
		assertThat(error.getMessage()).contains("line 4 (data record 3) has 2 fields where the header has 3")
			.contains("the first missing is 'commune'");
		assertClear(error);
	}

	@Test
	void countsTheLinesOfAValueSpanningLinesToNameTheBadLine() throws IOException {
		Mapping mapping = csv(',', "siret", "adresse");
		InputFile file = write("etablissements.csv",
				"siret,adresse,commune\n00012,\"2 RUE HAUTE\nBATIMENT B\nETAGE 3\",67001\n00034,GARAGE\n");

		TerritoireException error = failure(mapping, file);

		assertThat(error.location()).isEqualTo(new Location("etablissements.csv", null, 2L, "commune", "00034,GARAGE"));
		assertThat(error.getMessage()).contains("line 5 (data record 2) has 2 fields");
	}

	@Test
	void rejectsAHeaderMissingADeclaredColumnNamingFileAndColumn() throws IOException {
		Mapping mapping = csv(',', "siret", "codeCommuneEtablissement");
		InputFile file = write("sirene/StockEtablissement.csv", "siret,codeCommune\n00012,67001\n");

		TerritoireException error = failure(mapping, file);

		assertThat(error.code()).isEqualTo(ErrorCode.MISSING_COLUMN);
		assertThat(error.location())
			.isEqualTo(new Location("sirene/StockEtablissement.csv", null, null, "codeCommuneEtablissement", null));
		assertThat(error.getMessage()).contains("header found: siret,codeCommune");
		assertClear(error);
	}

	@Test
	void rejectsAnEmptyFileAskingForAHeader() throws IOException {
		Mapping mapping = csv(',', "siret");
		InputFile file = write("empty.csv", "");

		TerritoireException error = failure(mapping, file);

		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.location()).isEqualTo(Location.file("empty.csv"));
		assertThat(error.getMessage()).endsWith("the file is empty: a header row is expected");
	}

	@Test
	void loadsAHeaderOnlyFileAsNoRowsBesideAFullOne() throws IOException {
		Mapping mapping = csv(',', "siret", "nom");
		InputFile headerOnly = write("a.csv", "siret,nom\r\n");
		InputFile full = write("b.csv", "siret,nom\n00012,BOULANGERIE\n00034,GARAGE\n");

		assertThat(load(mapping, headerOnly)).isZero();
		assertThat(load(mapping, full)).isEqualTo(2);
		assertThat(rows(mapping)).extracting((row) -> row.get(0) + "#" + row.get(1))
			.containsExactly("b.csv#1", "b.csv#2");
	}

	@Test
	void loadsAFiveMegabyteCellIntact() throws IOException {
		Mapping mapping = csv(',', "siret", "description");
		String description = "Activité de conseil « 5 Mo », ligne ".repeat(5 * 1024 * 1024 / 40);
		assertThat(description.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(5_000_000);
		InputFile file = write("long.csv", "siret,description\n00012,\"" + description + "\"\n00034,court\n");

		assertThat(load(mapping, file)).isEqualTo(2);
		assertThat(Sql.queryLong(this.connection, "SELECT length(description) FROM raw.bad WHERE siret = '00012'"))
			.isEqualTo(description.length());
		assertThat(
				Sql.queryRows(this.connection, "SELECT description FROM raw.bad WHERE siret = '00012'").get(0).get(0))
			.isEqualTo(description);
	}

	@Test
	void refusesALineAboveTheLineSizeLimitNamingItsSizeAndColumn() throws IOException {
		Mapping mapping = csv(',', "siret", "description");
		String description = "x".repeat(9 * 1024 * 1024);
		InputFile file = write("huge.csv", "siret,description\n00012,court\n00034,\"" + description + "\"\n");

		TerritoireException error = failure(mapping, file);

		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.location()).isEqualTo(
				new Location("huge.csv", null, 2L, "description", "\"" + "x".repeat(CsvRecordFinder.KEPT_BYTES - 1)));
		assertThat(error.getMessage()).contains("line 3 (data record 2) is ")
			.contains("above the limit of " + CsvRawLoader.MAX_LINE_BYTES + " bytes for one line")
			.contains("column 'description' alone holds " + (description.length() + 2) + " bytes");
		assertClear(error);
	}

	/** One line, no stack trace, none of DuckDB's option dump. */
	private static void assertClear(TerritoireException error) {
		assertThat(error.getMessage()).doesNotContain("Possible", "strict_mode", "\tat ", "Exception");
		String withoutValue = error.getMessage().replace(String.valueOf(error.location().value()), "");
		assertThat(withoutValue).doesNotContain("\n").hasSizeLessThan(600);
	}

	private long load(Mapping mapping, InputFile file) {
		return RawLoader.forFormat(Mapping.Format.CSV).load(this.connection, mapping, file);
	}

	private TerritoireException failure(Mapping mapping, InputFile file) {
		TerritoireException error = catchThrowableOfType(TerritoireException.class, () -> load(mapping, file));
		assertThat(error).as("loading %s should fail", file.name()).isNotNull();
		assertThat(Sql.queryLong(this.connection, "SELECT count(*) FROM raw.bad"))
			.as("no row of a refused file is kept")
			.isZero();
		return error;
	}

	private List<List<String>> rows(Mapping mapping) {
		return Sql.queryRows(this.connection, "SELECT * FROM " + mapping.rawTable() + " ORDER BY _file, _record");
	}

	/** A csv mapping of source {@code bad}, declared UTF-8, and its empty raw table. */
	private Mapping csv(char delimiter, String... columns) {
		Mapping mapping = new Mapping("bad", "bad input", List.of("*"), Mapping.Format.CSV, "UTF-8",
				String.valueOf(delimiter), null, null, null, null, null, null, null,
				Arrays.stream(columns).map(fr.territoire.mapping.Column::named).toList(), null, null, null, null, null,
				null);
		RawTable.create(this.connection, mapping);
		return mapping;
	}

	private InputFile write(String name, String content) throws IOException {
		return write(name, content, StandardCharsets.UTF_8);
	}

	private InputFile write(String name, String content, Charset charset) throws IOException {
		Path path = this.inbox.resolve(name);
		Files.createDirectories(path.getParent());
		Files.write(path, content.getBytes(charset));
		return InputDiscovery.describe(this.inbox, "bad", path);
	}

	/**
	 * The first field of a single-byte-encoded file holding a byte above 0x7F, found line
	 * by line (the file has no quoted line breaks), shown as the loader shows it.
	 */
	private static Expected firstNonUtf8Field(byte[] content, byte delimiter) {
		List<String> header = null;
		int line = 0;
		int start = 0;
		for (int i = 0; i <= content.length; i++) {
			if (i < content.length && content[i] != '\n') {
				continue;
			}
			line++;
			byte[] bytes = Arrays.copyOfRange(content, start, (i > start && content[i - 1] == '\r') ? i - 1 : i);
			start = i + 1;
			List<byte[]> fields = split(bytes, delimiter);
			if (header == null) {
				header = fields.stream().map((field) -> new String(field, StandardCharsets.US_ASCII)).toList();
				continue;
			}
			for (int f = 0; f < fields.size(); f++) {
				StringBuilder shown = new StringBuilder();
				String firstByte = null;
				for (byte b : fields.get(f)) {
					if ((b & 0x80) != 0) {
						shown.append(String.format("\\x%02X", b & 0xFF));
						firstByte = (firstByte != null) ? firstByte : String.format("%02X", b & 0xFF);
					}
					else {
						shown.append((char) b);
					}
				}
				if (firstByte != null) {
					return new Expected(line, header.get(f), shown.toString(), firstByte);
				}
			}
		}
		throw new IllegalStateException("no byte above 0x7F found");
	}

	private static List<byte[]> split(byte[] line, byte delimiter) {
		List<byte[]> fields = new java.util.ArrayList<>();
		ByteArrayOutputStream field = new ByteArrayOutputStream();
		for (byte b : line) {
			if (b == delimiter) {
				fields.add(field.toByteArray());
				field.reset();
			}
			else {
				field.write(b);
			}
		}
		fields.add(field.toByteArray());
		return fields;
	}

	private record Expected(long line, String column, String value, String firstByte) {
	}

}
