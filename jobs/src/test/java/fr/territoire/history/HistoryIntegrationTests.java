package fr.territoire.history;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two successive monthly stocks built from real rows of the Entzheim sample, then the
 * second stock again: the events and periods of the warehouse equal what a comparison of
 * the two files, read again with commons-csv, finds; the same stock twice changes
 * nothing. The other inputs are those of the small test inbox ({@link SmallInbox}: the
 * Entzheim stock is all in its département).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryIntegrationTests {

	private static final String REGISTER = "sirene/StockEtablissement_utf8_entzheim.csv";

	private static final String LINKS = "sirene/StockEtablissementLiensSuccession_utf8.csv";

	private static final List<String> COMMUNES = List.of("67108", "67112", "67124", "67128", "67182", "67212", "67551");

	private static final String ETAT = "etatAdministratifEtablissement";

	private static final String COMMUNE = "codeCommuneEtablissement";

	@TempDir
	static Path home;

	@TempDir
	static Path inbox;

	static Map<String, State> first;

	static Map<String, State> second;

	static List<Map<String, String>> links;

	static int[] exitCodes = new int[3];

	@BeforeAll
	static void runThreeMonths() throws IOException {
		SmallInbox.copyTo(inbox);
		List<String> header = new ArrayList<>();
		List<Map<String, String>> rows = read(SampleExpectations.SAMPLES.resolve(REGISTER), header);
		// month 1: the real file without rows 0-4 and 40, rows 30 and 31 closed
		List<Map<String, String>> month1 = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (i >= 5) {
				month1.add(with(rows.get(i), (i == 30 || i == 31) ? "F" : null, null));
			}
		}
		// month 2: rows 0-4 back (row 4 closed), rows 10-15 closed, rows 20-22 moved,
		// row 25 closed and moved, rows 30-31 as published (open), row 40 gone
		List<Map<String, String>> month2 = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, String> row = rows.get(i);
			String moved = nextCommune(row.get(COMMUNE));
			if (i == 40) {
				continue;
			}
			month2.add(switch (i) {
				case 4 -> with(row, "F", null);
				case 10, 11, 12, 13, 14, 15 -> with(row, "F", null);
				case 20, 21, 22 -> with(row, null, moved);
				case 25 -> with(row, "F", moved);
				default -> row;
			});
		}
		Path register = inbox.resolve(REGISTER);
		write(register, header, month1);
		first = states(register);
		exitCodes[0] = run("2026-09-14");
		write(register, header, month2);
		second = states(register);
		// month 2 also comes with succession links: row 11 (closed) continued by row 1
		// (new), a transfer; row 12 (closed) followed by row 2 (new) without continuity
		List<String> linkHeader = List.of("siretEtablissementPredecesseur", "siretEtablissementSuccesseur",
				"dateLienSuccession", "transfertSiege", "continuiteEconomique", "dateDernierTraitementLienSuccession");
		write(inbox.resolve(LINKS), linkHeader, List.of(link(linkHeader, rows.get(11), rows.get(1), "true"),
				link(linkHeader, rows.get(12), rows.get(2), "false")));
		links = read(inbox.resolve(LINKS), new ArrayList<>());
		exitCodes[1] = run("2026-10-12");
		exitCodes[2] = run("2026-11-16");
	}

	@Test
	@Order(1)
	void completesEveryRun() {
		assertThat(exitCodes).containsOnly(0);
	}

	@Test
	@Order(2)
	void firstStockOpensEveryPeriodWithoutEvents() throws SQLException {
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.count("SELECT count(*) FROM mart.establishment_event WHERE month = DATE '2026-09-01'"))
				.isZero();
			assertThat(warehouse
				.count("SELECT count(*) FROM core.establishment_history WHERE valid_from = DATE '2026-09-01'"))
				.isEqualTo(warehouse.count("SELECT establishments FROM core.establishment_stock "
						+ "WHERE stock_month = DATE '2026-09-01'"));
		}
	}

	@Test
	@Order(3)
	void secondStockGivesTheEventsOfEachCommune() throws SQLException {
		Map<String, Long> expected = expectedEvents();
		assertThat(total(expected, "creation")).isEqualTo(3);
		assertThat(total(expected, "closure")).isEqualTo(6);
		assertThat(total(expected, "reactivation")).isEqualTo(2);
		assertThat(total(expected, "transfer")).isEqualTo(5);
		try (Warehouse warehouse = current()) {
			Map<String, Long> actual = new TreeMap<>();
			for (List<String> row : warehouse.rows("SELECT commune_code, event, establishments "
					+ "FROM mart.establishment_event_monthly WHERE month = DATE '2026-10-01'")) {
				actual.put(row.get(0) + " " + row.get(1), Long.parseLong(row.get(2)));
			}
			assertThat(actual).isEqualTo(expected);
			assertThat(warehouse.count("SELECT count(*) FROM mart.establishment_event")).isEqualTo(16);
			Map<String, String> continued = links.get(0);
			assertThat(warehouse.count("SELECT count(*) FROM core.establishment_succession")).isOne();
			assertThat(warehouse.text("SELECT previous_commune_code FROM mart.establishment_event WHERE siret = '"
					+ continued.get("siretEtablissementSuccesseur") + "' AND event = 'transfer'"))
				.isEqualTo(first.get(continued.get("siretEtablissementPredecesseur")).commune());
		}
	}

	@Test
	@Order(4)
	void secondStockClosesAndOpensPeriods() throws SQLException {
		Set<String> ended = new LinkedHashSet<>();
		Set<String> started = new LinkedHashSet<>();
		first.forEach((siret, state) -> {
			if (!state.equals(second.get(siret))) {
				ended.add(siret);
			}
		});
		second.forEach((siret, state) -> {
			if (!state.equals(first.get(siret))) {
				started.add(siret);
			}
		});
		assertThat(ended).hasSize(13);
		assertThat(started).hasSize(17);
		try (Warehouse warehouse = current()) {
			assertThat(siretsWhere(warehouse, "valid_to = DATE '2026-10-01'"))
				.containsExactlyInAnyOrderElementsOf(ended);
			assertThat(siretsWhere(warehouse, "valid_from = DATE '2026-10-01'"))
				.containsExactlyInAnyOrderElementsOf(started);
			assertThat(warehouse.count("SELECT count(*) FROM core.establishment_history WHERE valid_to IS NULL"))
				.isEqualTo(warehouse.count("SELECT count(DISTINCT siret) FROM core.establishment"));
		}
	}

	@Test
	@Order(5)
	void theSameStockAgainChangesNothing() throws SQLException {
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.text("SELECT CAST(max(run_date) AS VARCHAR) FROM meta.run")).isEqualTo("2026-11-16");
			assertThat(warehouse.count("SELECT count(*) FROM core.establishment_stock")).isEqualTo(2);
			assertThat(warehouse.count("SELECT count(*) FROM mart.establishment_event")).isEqualTo(16);
			assertThat(warehouse.count("SELECT count(*) FROM mart.establishment_event WHERE month > DATE '2026-10-01'"))
				.isZero();
			assertThat(warehouse.count("SELECT count(*) FROM core.establishment_history"))
				.isEqualTo(warehouse.count("SELECT count(*) FROM core.establishment_history "
						+ "WHERE valid_from IN (DATE '2026-09-01', DATE '2026-10-01')"));
			long periods = warehouse.count("SELECT count(*) FROM core.establishment_history");
			long firstStock = warehouse
				.count("SELECT establishments FROM core.establishment_stock WHERE stock_month = DATE '2026-09-01'");
			assertThat(periods).isEqualTo(firstStock + 17);
		}
	}

	/**
	 * Expected events of the second month, "commune event" → establishments: a link with
	 * economic continuity from an establishment of the first stock to a new one is a
	 * transfer, neither a creation nor a closure.
	 */
	private static Map<String, Long> expectedEvents() {
		Map<String, String> predecessorOf = new HashMap<>();
		for (Map<String, String> link : links) {
			String successor = link.get("siretEtablissementSuccesseur");
			String predecessor = link.get("siretEtablissementPredecesseur");
			if ("true".equals(link.get("continuiteEconomique")) && !first.containsKey(successor)
					&& second.containsKey(successor) && first.containsKey(predecessor)) {
				predecessorOf.put(successor, predecessor);
			}
		}
		Map<String, Long> expected = new TreeMap<>();
		second.forEach((siret, now) -> {
			State before = first.get(siret);
			if (before == null) {
				if (predecessorOf.containsKey(siret)) {
					expected.merge(now.commune() + " transfer", 1L, Long::sum);
				}
				else if ("A".equals(now.etat())) {
					expected.merge(now.commune() + " creation", 1L, Long::sum);
				}
				return;
			}
			if ("A".equals(before.etat()) && "F".equals(now.etat()) && !predecessorOf.containsValue(siret)) {
				expected.merge(now.commune() + " closure", 1L, Long::sum);
			}
			if ("F".equals(before.etat()) && "A".equals(now.etat())) {
				expected.merge(now.commune() + " reactivation", 1L, Long::sum);
			}
			if (!before.commune().equals(now.commune())) {
				expected.merge(now.commune() + " transfer", 1L, Long::sum);
			}
		});
		return expected;
	}

	private static long total(Map<String, Long> events, String event) {
		return events.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith(" " + event))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private static List<String> siretsWhere(Warehouse warehouse, String condition) throws SQLException {
		return warehouse.rows("SELECT siret FROM core.establishment_history WHERE " + condition)
			.stream()
			.map((row) -> row.get(0))
			.toList();
	}

	private static Map<String, String> link(List<String> header, Map<String, String> predecessor,
			Map<String, String> successor, String continuity) {
		List<String> values = List.of(predecessor.get("siret"), successor.get("siret"), "2026-09-20", "false",
				continuity, "2026-09-21T10:00:00");
		Map<String, String> link = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			link.put(header.get(i), values.get(i));
		}
		return link;
	}

	private static String nextCommune(String commune) {
		return COMMUNES.get((COMMUNES.indexOf(commune) + 1) % COMMUNES.size());
	}

	private static Map<String, String> with(Map<String, String> row, String etat, String commune) {
		Map<String, String> changed = new HashMap<>(row);
		if (etat != null) {
			changed.put(ETAT, etat);
		}
		if (commune != null) {
			changed.put(COMMUNE, commune);
		}
		return changed;
	}

	private static List<Map<String, String>> read(Path file, List<String> header) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
			header.addAll(parser.getHeaderNames());
			for (CSVRecord record : parser) {
				rows.add(record.toMap());
			}
		}
		return rows;
	}

	private static void write(Path file, List<String> header, List<Map<String, String>> rows) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = CSVFormat.DEFAULT.builder()
					.setRecordSeparator("\n")
					.setHeader(header.toArray(String[]::new))
					.get()
					.print(writer)) {
			for (Map<String, String> row : rows) {
				List<String> values = new ArrayList<>();
				header.forEach((name) -> values.add(row.get(name)));
				printer.printRecord(values);
			}
		}
	}

	/** State and commune of every siret of a written stock, read again from the file. */
	private static Map<String, State> states(Path file) throws IOException {
		Map<String, State> states = new HashMap<>();
		for (Map<String, String> row : read(file, new ArrayList<>())) {
			states.put(row.get("siret"), new State(row.get(ETAT), row.get(COMMUNE)));
		}
		return states;
	}

	private static int run(String date) {
		return TerritoireCommand.execute("run", "nightly", "--date", date, "--home", home.toString(), "--inbox",
				inbox.toString());
	}

	private static Warehouse current() throws SQLException {
		return Warehouse.open(home.resolve("warehouse/current.duckdb"));
	}

	record State(String etat, String commune) {
	}

}
