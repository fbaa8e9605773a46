package fr.territoire.secrecy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.territoire.secrecy.ClusterMembers.Cell;
import fr.territoire.secrecy.ClusterMembers.Figure;
import fr.territoire.support.ParquetFiles;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.StockFigures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan of every file of the release made by the nightly on the samples: no secret value
 * anywhere. A row of a secret cell has its figures empty in the CSV and null in the
 * Parquet file; and no file holds, in any form, the true value of a secret cell of the
 * cluster's turnover (summed again from the workbook by {@link ClusterMembers}), unless
 * that number is also the value of a published cell.
 */
class PublishedFilesSecrecyIntegrationTests {

	private static final Pattern NUMBER = Pattern.compile("[0-9][0-9.]*(E[+-]?[0-9]+)?");

	static final List<String> FIGURES = List.of("value", "numerator", "denominator", "rank_in_level",
			"percentile_in_level", "epci_value", "departement_value", "region_value", "france_value", "peer_median",
			"rank_in_peer_group");

	@Test
	void aSecretRowHasNoFigureInAnyCsvOrParquetFile() throws IOException {
		Path release = SampleNightly.release();
		int secret = 0;
		for (Path file : files(release)) {
			String name = file.getFileName().toString();
			if (name.endsWith(".csv")) {
				for (Map<String, String> row : csvRows(file)) {
					secret += checked(name, row);
				}
			}
			else if (name.endsWith(".parquet") && ParquetFiles.columnNames(file).contains("status")) {
				for (Map<String, String> row : ParquetFiles.rows(file)) {
					secret += checked(name, row);
				}
			}
		}
		assertThat(secret).as("secret rows found in the release").isGreaterThan(0);
	}

	@Test
	void noFileHoldsTheValueOfASecretCellOfTheClusterTurnover() throws IOException {
		Path release = SampleNightly.release();
		Map<Cell, Figure> cells = ClusterMembers.cells(ClusterMembers.members(), StockFigures.samples());
		List<Double> publishedValues = new ArrayList<>();
		List<Double> secretValues = new ArrayList<>();
		for (CSVRecord row : PartnerTurnoverSecrecyIntegrationTests.rows(release, "partner_turnover")) {
			double value = cells.get(PartnerTurnoverSecrecyIntegrationTests.cell(row)).value();
			(row.get("status").startsWith("secret") ? secretValues : publishedValues).add(value);
		}
		Set<Double> secrets = new TreeSet<>();
		for (double value : secretValues) {
			if (publishedValues.stream().noneMatch((other) -> Math.abs(other - value) < 0.5)) {
				secrets.add((double) Math.round(value));
			}
		}
		assertThat(secrets).as("values of secret cells to look for").isNotEmpty();
		for (Path file : files(release)) {
			List<String> found = new ArrayList<>();
			if (file.getFileName().toString().endsWith(".parquet")) {
				for (Map<String, String> row : ParquetFiles.rows(file)) {
					for (String value : row.values()) {
						if (value != null) {
							found.addAll(numbersIn(value, secrets));
						}
					}
				}
			}
			else {
				found.addAll(numbersIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), secrets));
			}
			assertThat(found).as("values of secret cells in %s", file.getFileName()).isEmpty();
		}
	}

	/**
	 * The numbers written in a text (in any notation) that are among the given values.
	 */
	static List<String> numbersIn(String text, Set<Double> values) {
		List<String> found = new ArrayList<>();
		Matcher number = NUMBER.matcher(text);
		while (number.find()) {
			try {
				if (values.contains(Double.parseDouble(number.group()))) {
					found.add(number.group());
				}
			}
			catch (NumberFormatException ex) {
				// not a number after all (a date, a code with a dash)
			}
		}
		return found;
	}

	private static int checked(String file, Map<String, String> row) {
		String status = row.get("status");
		if (status == null || !status.startsWith("secret")) {
			return 0;
		}
		for (String column : FIGURES) {
			if (row.containsKey(column)) {
				String value = row.get(column);
				assertThat(value == null || value.isEmpty()).as("%s of a secret row of %s: %s", column, file, row)
					.isTrue();
			}
		}
		return 1;
	}

	private static List<Map<String, String>> csvRows(Path file) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				rows.add(record.toMap());
			}
		}
		return rows;
	}

	private static List<Path> files(Path release) throws IOException {
		try (Stream<Path> paths = Files.walk(release.toRealPath())) {
			return paths.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
