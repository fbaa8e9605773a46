package fr.territoire.publish;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import fr.territoire.support.Launcher;
import fr.territoire.support.ParquetFiles;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of more rows than {@code csv_gzip_above_rows} ({@code warehouse/publish.yaml})
 * is published as {@code <name>.csv.gz} instead of {@code <name>.csv}: here the threshold
 * is lowered to 1,000 rows on the small test inbox, and every gzipped CSV is read back by
 * the JDK's gzip reader and commons-csv, row for row against the table's Parquet file
 * (parquet-hadoop); the checksums, the data package, the DCAT catalogue and the profile's
 * links name the gzipped file.
 */
class LargeCsvGzipIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long THRESHOLD = 1_000;

	@TempDir
	Path folder;

	@Test
	void aTableAboveTheThresholdIsPublishedAsGzippedCsvHoldingTheRowsOfItsParquetFile() throws Exception {
		Path project = this.folder.resolve("project");
		SampleExpectations.copyConfiguration(project);
		Path publication = project.resolve("warehouse/publish.yaml");
		String shipped = Files.readString(publication);
		assertThat(shipped).contains("\ncsv_gzip_above_rows: 1000000\n");
		Files.writeString(publication,
				shipped.replace("\ncsv_gzip_above_rows: 1000000\n", "\ncsv_gzip_above_rows: " + THRESHOLD + "\n"));
		Path inbox = SmallInbox.copyTo(this.folder.resolve("inbox"));
		Path home = this.folder.resolve("home");

		Launcher.Result run = Launcher.runIn(project, "run", "nightly", "--date", "2026-11-23", "--home",
				home.toString(), "--inbox", inbox.toString());

		assertThat(run.exitCode()).as(run.output()).isZero();
		Path release = home.resolve("publish/latest").toRealPath();
		JsonNode manifest = JSON.readTree(release.resolve("manifest.json").toFile());
		JsonNode dataPackage = JSON.readTree(release.resolve("datapackage.json").toFile());
		String catalog = Files.readString(release.resolve("catalog.jsonld"));
		String sums = Files.readString(release.resolve("SHA256SUMS"));
		String profileFiles = Files.readString(release.resolve("profiles/files.js"));
		List<String> gzipped = new ArrayList<>();
		List<String> plain = new ArrayList<>();
		for (JsonNode table : manifest.path("tables")) {
			String name = table.path("name").asString();
			long rows = table.path("rows").asLong();
			Path parquet = release.resolve(name + ".parquet");
			assertThat(ParquetFiles.rowCount(parquet)).as(name).isEqualTo(rows);
			if (rows <= THRESHOLD) {
				assertThat(release.resolve(name + ".csv")).as(name).isRegularFile();
				assertThat(release.resolve(name + ".csv.gz")).as(name).doesNotExist();
				plain.add(name);
				continue;
			}
			Path gzip = release.resolve(name + ".csv.gz");
			assertThat(release.resolve(name + ".csv")).as(name).doesNotExist();
			List<CSVRecord> records = gunzippedCsv(gzip);
			assertThat(records).as("rows of %s", gzip.getFileName()).hasSize((int) rows);
			List<String> columns = ParquetFiles.columnNames(parquet);
			String first = columns.get(0);
			assertThat(records.stream().map((record) -> record.get(first)).toList())
				.as("%s, column %s, row by row against the Parquet file", gzip.getFileName(), first)
				.isEqualTo(
						ParquetFiles.columnValues(parquet, first).stream().map((v) -> (v != null) ? v : "").toList());
			String hash = sha256(gzip);
			assertThat(sums).contains(hash + "  " + name + ".csv.gz");
			JsonNode resource = resource(dataPackage, name + "-csv");
			assertThat(resource.path("path").asString()).isEqualTo(name + ".csv.gz");
			assertThat(resource.path("compression").asString()).isEqualTo("gz");
			assertThat(resource.path("format").asString()).isEqualTo("csv");
			assertThat(resource.path("bytes").asLong()).isEqualTo(Files.size(gzip));
			assertThat(resource.path("hash").asString()).isEqualTo("sha256:" + hash);
			assertThat(catalog).contains("\"" + name + ".csv.gz\"");
			gzipped.add(name);
		}
		assertThat(gzipped).as("tables gzipped").contains("establishments", "indicator_values_commune");
		assertThat(plain).as("tables left plain").contains("indicators");
		assertThat(catalog).contains("\"dcat:compressFormat\"", "application/gzip");
		assertThat(profileFiles).contains("\"indicator_values_commune\":\"indicator_values_commune.csv.gz\"")
			.contains("\"indicators\":\"indicators.csv\"");
	}

	private static List<CSVRecord> gunzippedCsv(Path gzip) throws Exception {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip));
				CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
						CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			return parser.getRecords();
		}
	}

	private static JsonNode resource(JsonNode dataPackage, String name) {
		for (JsonNode resource : dataPackage.path("resources")) {
			if (resource.path("name").asString().equals(name)) {
				return resource;
			}
		}
		throw new AssertionError("no resource " + name + " in datapackage.json");
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
