package fr.territoire.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.support.Launcher;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.SmallInboxFigures;
import fr.territoire.support.SmallNightly;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The changelog of a release (issue 14, "Done when"): the home of a nightly on the small
 * test inbox (the shared {@link SmallNightly}, département 67) is copied, one input is
 * changed — five open establishments dropped from the Entzheim register file, one added
 * (a copy of another with a new valid SIRET), one moved to another commune — and the next
 * date is run with the packaged jar on that inbox. {@code changes.json} and the page's
 * changelog say exactly what the edit did, computed here from the edited CSV and the
 * inbox's files ({@link SmallInboxFigures}).
 */
class ReleaseChangelogIntegrationTests {

	private static final String NEXT_DATE = "2026-11-24";

	private static final String REGISTER = "sirene/StockEtablissement_utf8_entzheim.csv";

	private static final int DROPPED = 5;

	private static final String MOVED_TO = "67124";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path home;

	@TempDir
	Path inbox;

	@Test
	void changesJsonAndThePageSayWhatTheEditedRegisterChanged() throws Exception {
		SmallNightly.copyHomeTo(this.home);
		String previous = Files.readSymbolicLink(this.home.resolve("publish/latest")).getFileName().toString();
		Path previousRelease = this.home.resolve("publish/releases").resolve(previous);
		// the first release has nothing to compare with, and says so
		assertThat(JSON.readTree(previousRelease.resolve("changes.json").toFile()).get("previous_release").isNull())
			.isTrue();
		assertThat(Files.readString(previousRelease.resolve("index.html")))
			.contains("Première publication : aucune publication précédente à comparer.");

		List<String> published = column(previousRelease.resolve("establishments.csv"), "siret");
		Edit edit = edit(new HashSet<>(published));
		long activeBefore = SmallInboxFigures.load().activeInGeography();

		Launcher.Result run = Launcher.run("--home", this.home.toString(), "run", "nightly", "--date", NEXT_DATE,
				"--inbox", this.inbox.toString());
		assertThat(run.exitCode()).as(run.output()).isZero();
		Path release = this.home.resolve("publish/latest").toRealPath();
		assertThat(release.getFileName().toString()).startsWith(NEXT_DATE + "-");
		List<String> after = column(release.resolve("establishments.csv"), "siret");
		assertThat(after).contains(edit.added()).doesNotContainAnyElementsOf(edit.dropped());

		JsonNode changes = JSON.readTree(release.resolve("changes.json").toFile());
		assertThat(changes.get("previous_release").asString()).isEqualTo(previous);
		long rowsBefore = published.size();
		long rowsAfter = rowsBefore - DROPPED + 1;
		boolean byKey = declaresPrimaryKey(release, "establishments");
		// by key: the dropped rows are removed, the copy is added, the moved one is
		// neither; by count: only the difference is seen
		long added = byKey ? 1 : 0;
		long removed = byKey ? DROPPED : DROPPED - 1;
		JsonNode establishments = dataset(changes, "establishments");
		assertThat(List.of(establishments.get("rows_before").asLong(), establishments.get("rows_after").asLong(),
				establishments.get("rows_added").asLong(), establishments.get("rows_removed").asLong()))
			.containsExactly(rowsBefore, rowsAfter, added, removed);
		assertThat(establishments.get("columns_added")).isEmpty();
		assertThat(establishments.get("columns_removed")).isEmpty();
		long territories = column(release.resolve("territories.csv"), "level").size();
		JsonNode territoryChange = dataset(changes, "territories");
		assertThat(List.of(territoryChange.get("rows_before").asLong(), territoryChange.get("rows_after").asLong(),
				territoryChange.get("rows_added").asLong(), territoryChange.get("rows_removed").asLong()))
			.containsExactly(territories, territories, 0L, 0L);

		// France's open establishments: five dropped, one added, the moved one still in
		// France
		List<JsonNode> moves = new ArrayList<>();
		changes.get("indicators_moved").forEach((move) -> {
			if (move.get("indicator_id").asString().equals("active_establishments")) {
				moves.add(move);
			}
		});
		assertThat(moves).hasSize(1);
		assertThat(moves.get(0).get("dimension_code").asString()).isEqualTo("_T");
		assertThat(moves.get(0).get("before").asLong()).isEqualTo(activeBefore);
		assertThat(moves.get(0).get("after").asLong()).isEqualTo(activeBefore - DROPPED + 1);

		String page = Files.readString(release.resolve("index.html"));
		assertThat(page).contains("Depuis la publication précédente, <code>" + previous + "</code>");
		assertThat(dataValues(row(page, "<tr data-dataset=\"establishments\""))).containsExactly(rowsBefore, rowsAfter,
				added, removed);
		String period = moves.get(0).get("period").asString();
		String moveRow = row(page,
				"<tr data-indicator=\"active_establishments\" data-period=\"" + period + "\" data-code=\"_T\"");
		String label = column(release.resolve("indicators.csv"), "label")
			.get(column(release.resolve("indicators.csv"), "indicator_id").indexOf("active_establishments"));
		assertThat(cells(moveRow)).containsExactly("active_establishments", period, "_T", String.valueOf(activeBefore),
				String.valueOf(activeBefore - DROPPED + 1), label);
	}

	/**
	 * Copies the small inbox and edits the Entzheim register file: drops the first five
	 * open, located establishments the previous release published, adds a copy of another
	 * with a new valid SIRET, moves a third to another commune.
	 */
	private Edit edit(Set<String> published) throws IOException {
		SmallInbox.copyTo(this.inbox);
		Path file = this.inbox.resolve(REGISTER);
		List<CSVRecord> records;
		List<String> header;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
			header = parser.getHeaderNames();
			records = parser.getRecords();
		}
		Set<String> sirets = new HashSet<>();
		records.forEach((record) -> sirets.add(record.get("siret")));
		List<String> dropped = new ArrayList<>();
		List<CSVRecord> open = new ArrayList<>();
		for (CSVRecord record : records) {
			boolean located = "A".equals(record.get("etatAdministratifEtablissement"))
					&& !record.get("codeCommuneEtablissement").isEmpty() && published.contains(record.get("siret"));
			if (located && dropped.size() < DROPPED) {
				dropped.add(record.get("siret"));
			}
			else if (located) {
				open.add(record);
			}
		}
		CSVRecord copied = open.get(0);
		CSVRecord moved = open.stream()
			.filter((record) -> record != copied && !record.get("codeCommuneEtablissement").equals(MOVED_TO))
			.findFirst()
			.orElseThrow();
		String siren = copied.get("siren");
		String nic = null;
		for (int candidate = 99999; nic == null; candidate--) {
			String value = String.format("%05d", candidate);
			if (luhn(siren + value) && !sirets.contains(siren + value)) {
				nic = value;
			}
		}
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer,
						CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
			printer.printRecord(header);
			for (CSVRecord record : records) {
				if (dropped.contains(record.get("siret"))) {
					continue;
				}
				List<String> values = new ArrayList<>(record.toList());
				if (record == moved) {
					values.set(header.indexOf("codeCommuneEtablissement"), MOVED_TO);
				}
				printer.printRecord(values);
			}
			List<String> copy = new ArrayList<>(copied.toList());
			copy.set(header.indexOf("nic"), nic);
			copy.set(header.indexOf("siret"), siren + nic);
			printer.printRecord(copy);
		}
		return new Edit(dropped, siren + nic);
	}

	/** The Luhn check of a SIRET, written here from its definition. */
	private static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	private static boolean declaresPrimaryKey(Path release, String dataset) throws IOException {
		JsonNode dataPackage = JSON.readTree(release.resolve("datapackage.json").toFile());
		for (JsonNode resource : dataPackage.get("resources")) {
			if (resource.get("path").toString().contains(dataset + ".")
					&& !resource.path("schema").path("primaryKey").isMissingNode()) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode dataset(JsonNode changes, String name) {
		for (JsonNode dataset : changes.get("datasets")) {
			if (dataset.get("name").asString().equals(name)) {
				return dataset;
			}
		}
		throw new AssertionError("no dataset " + name + " in changes.json");
	}

	private static List<String> column(Path csv, String column) throws IOException {
		List<String> values = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				values.add(record.get(column));
			}
		}
		return values;
	}

	/** The HTML of the table row starting with {@code start}, up to its end tag. */
	private static String row(String page, String start) {
		int from = page.indexOf(start);
		assertThat(from).as("a row " + start + " in the page").isNotNegative();
		return page.substring(from, page.indexOf("</tr>", from));
	}

	private static List<Long> dataValues(String row) {
		List<Long> values = new ArrayList<>();
		Matcher matcher = Pattern.compile("<td class=\"n\" data-value=\"(\\d+)\"").matcher(row);
		while (matcher.find()) {
			values.add(Long.parseLong(matcher.group(1)));
		}
		return values;
	}

	private static List<String> cells(String row) {
		List<String> cells = new ArrayList<>();
		Matcher matcher = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
		while (matcher.find()) {
			cells.add(matcher.group(1));
		}
		return cells;
	}

	/**
	 * The edit of the register file.
	 *
	 * @param dropped the SIRETs dropped
	 * @param added the SIRET added
	 */
	private record Edit(List<String> dropped, String added) {
	}

}
