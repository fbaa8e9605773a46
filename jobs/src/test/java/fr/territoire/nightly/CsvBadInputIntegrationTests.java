package fr.territoire.nightly;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nightly run, in the packaged application, with one damaged CSV file in the inbox.
 */
class CsvBadInputIntegrationTests {

	private static final String REGISTER = "sirene/StockEtablissement_utf8_entzheim.csv";

	private static final int DAMAGED_LINE = 1000;

	@TempDir
	Path home;

	@TempDir
	Path inbox;

	@Test
	void failsTheNightlyNamingFileLineAndColumnOfATruncatedLineWithoutStackTrace() throws Exception {
		SampleExpectations.copySamples(this.inbox);
		Path register = this.inbox.resolve(REGISTER);
		List<String> lines = new ArrayList<>(Files.readAllLines(register, StandardCharsets.UTF_8));
		assertThat(parse(String.join("\n", lines))).as("one record per line in %s", REGISTER).hasSize(lines.size());
		String damaged = lines.get(DAMAGED_LINE - 1).substring(0, lines.get(DAMAGED_LINE - 1).length() / 2);
		lines.set(DAMAGED_LINE - 1, damaged);
		Files.write(register, lines, StandardCharsets.UTF_8);
		List<String> header = parse(lines.get(0)).get(0).toList();
		int fields = parse(damaged).get(0).size();

		Launcher.Result run = Launcher.run("--home", this.home.toString(), "run", "nightly", "--date", "2026-11-22",
				"--inbox", this.inbox.toString());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		String expectedStart = "[UNREADABLE_INPUT] " + REGISTER + ", row " + (DAMAGED_LINE - 1) + ", column '"
				+ header.get(fields) + "', value '";
		List<String> reported = run.output().lines().filter((line) -> line.contains("[UNREADABLE_INPUT]")).toList();
		assertThat(reported).hasSize(1);
		assertThat(reported.get(0).strip()).startsWith(expectedStart)
			.endsWith("line " + DAMAGED_LINE + " (data record " + (DAMAGED_LINE - 1) + ") has " + fields
					+ " fields where the header has " + header.size() + "; the first missing is '" + header.get(fields)
					+ "'; check for a delimiter or a line break inside an unquoted value");
		assertThat(run.output()).contains("step ingest.sirene_etablissement: FAILED")
			.doesNotContain("\tat ", "Exception", "Possible fixes", "strict_mode");
		assertThat(this.home.resolve("warehouse/current.duckdb")).doesNotExist();
		assertThat(this.home.resolve("publish/latest")).doesNotExist();
	}

	private static List<CSVRecord> parse(String text) throws IOException {
		return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
	}

}
