package fr.territoire.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmarking indicators of issue 12 computed again from a SIRENE stock, in plain
 * Java, independently of the pipeline: commons-csv reads the StockEtablissement files
 * (and a LiensSuccession file when there is one), Jackson reads the COG 2026 JSON
 * (communes for the département and région of a commune and the roll-up of
 * arrondissements municipaux, EPCI for membership). Every definition below is the one of
 * the brief of issue 12.
 * <p>
 * Counts are kept by {@link Territory}: a commune adds to itself, its EPCI (when it has
 * one), its département, its région and France ({@code FR}).
 */
public final class StockFigures {

	/** The NAF rév. 2 sections by division (the first two digits of the code). */
	private static final Map<Integer, String> SECTIONS = sections();

	private final List<Establishment> establishments;

	private final Map<String, Place> places;

	private final LocalDate stockDate;

	private StockFigures(List<Establishment> establishments, Map<String, Place> places, LocalDate stockDate) {
		this.establishments = establishments;
		this.places = places;
		this.stockDate = stockDate;
	}

	/** The bundled samples: both StockEtablissement files, COG 2026. */
	public static StockFigures samples() throws IOException {
		return read(SampleExpectations.SAMPLES.resolve("sirene"), SampleExpectations.SAMPLES.resolve("cog-2026"));
	}

	/**
	 * Reads every {@code StockEtablissement.csv} and {@code StockEtablissement_*.csv} of
	 * a folder (and successors with economic continuity from a
	 * {@code StockEtablissementLiensSuccession*.csv} there).
	 * @param sirene the folder of the register files
	 * @param cog the folder of the COG JSON files ({@code communes.json.gz},
	 * {@code epci.json.gz})
	 */
	public static StockFigures read(Path sirene, Path cog) throws IOException {
		Map<String, Place> places = places(cog);
		Set<String> continuingSuccessors = continuingSuccessors(sirene);
		List<Establishment> establishments = new ArrayList<>();
		LocalDate stockDate = LocalDate.MIN;
		List<Path> files;
		try (var listing = Files.list(sirene)) {
			files = listing.map(Path::getFileName)
				.map(Path::toString)
				.filter((name) -> name.equals("StockEtablissement.csv")
						|| (name.startsWith("StockEtablissement_") && name.endsWith(".csv")))
				.map(sirene::resolve)
				.sorted()
				.toList();
		}
		if (files.isEmpty()) {
			throw new IllegalStateException("no StockEtablissement_*.csv in " + sirene);
		}
		for (Path file : files) {
			for (Map<String, String> row : rows(file)) {
				Establishment establishment = establishment(row, places, continuingSuccessors);
				establishments.add(establishment);
				for (LocalDate date : new LocalDate[] { establishment.creation(), establishment.debut(),
						establishment.lastTreatment() }) {
					if (date != null && date.isAfter(stockDate)) {
						stockDate = date;
					}
				}
			}
		}
		return new StockFigures(List.copyOf(establishments), places, stockDate);
	}

	/**
	 * The greatest of the creation dates, the dateDebut and the date part of
	 * dateDernierTraitementEtablissement over the whole stock.
	 */
	public LocalDate stockDate() {
		return this.stockDate;
	}

	public int stockYear() {
		return this.stockDate.getYear();
	}

	public List<Establishment> establishments() {
		return this.establishments;
	}

	/** The EPCI of a commune of the target geography. */
	public String epciOf(String commune) {
		Place place = this.places.get(commune);
		if (place == null || place.epci() == null) {
			throw new IllegalArgumentException("no EPCI for commune " + commune);
		}
		return place.epci();
	}

	/** The name of a commune in the COG. */
	public String nameOf(String commune) {
		return this.places.get(commune).name();
	}

	/**
	 * Counts the counted establishments (with a commune of the target geography, not
	 * foreign) matching a condition, by territory at every level.
	 */
	public Counts count(Predicate<Establishment> condition) {
		Map<Territory, Long> counts = new HashMap<>();
		for (Establishment establishment : this.establishments) {
			if (establishment.commune() != null && condition.test(establishment)) {
				for (Territory territory : territoriesOf(establishment.commune())) {
					counts.merge(territory, 1L, Long::sum);
				}
			}
		}
		return new Counts(counts);
	}

	/**
	 * The territories a commune adds to: itself, its EPCI, département, région, France.
	 */
	public List<Territory> territoriesOf(String commune) {
		Place place = this.places.get(commune);
		List<Territory> territories = new ArrayList<>();
		territories.add(Territory.commune(commune));
		if (place.epci() != null) {
			territories.add(Territory.epci(place.epci()));
		}
		territories.add(new Territory("departement", place.departement()));
		territories.add(new Territory("region", place.region()));
		territories.add(Territory.FRANCE);
		return territories;
	}

	/** The territory of a level a commune belongs to. */
	public Territory of(String level, String commune) {
		return territoriesOf(commune).stream()
			.filter((territory) -> territory.level().equals(level))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(commune + " has no " + level));
	}

	/**
	 * Active on 1 January of a year: created before it, and open, or closed on or after
	 * that day. An establishment without a creation date is not counted.
	 */
	public static Predicate<Establishment> activeOnFirstJanuary(int year) {
		LocalDate day = LocalDate.of(year, 1, 1);
		return (e) -> e.creation() != null && e.creation().isBefore(day)
				&& (e.isOpen() || (e.isClosed() && e.debut() != null && !e.debut().isBefore(day)));
	}

	/**
	 * Created in a year, whatever its state now, unless it succeeds another with economic
	 * continuity.
	 */
	public static Predicate<Establishment> createdIn(int year) {
		return (e) -> e.creation() != null && e.creation().getYear() == year && !e.continuingSuccessor();
	}

	/** Closed, with its closing (dateDebut of the closed period) in a year. */
	public static Predicate<Establishment> closedIn(int year) {
		return (e) -> e.isClosed() && e.debut() != null && e.debut().getYear() == year;
	}

	/**
	 * Of the cohort of a year and still there three years after its creation: open, or
	 * closed on or after its creation date plus three years.
	 */
	public static Predicate<Establishment> survivedThreeYears(int cohort) {
		return createdIn(cohort).and((e) -> e.isOpen()
				|| (e.isClosed() && e.debut() != null && !e.debut().isBefore(e.creation().plusYears(3))));
	}

	/** Open now. */
	public static Predicate<Establishment> open() {
		return Establishment::isOpen;
	}

	/** Open now with at least one employee. */
	public static Predicate<Establishment> openEmployer() {
		return (e) -> e.isOpen() && "O".equals(e.employer());
	}

	/** Open now, with an activity of NAF rév. 2. */
	public static Predicate<Establishment> openInNafRev2() {
		return (e) -> e.isOpen() && "NAFRev2".equals(e.nomenclature()) && e.activity().length() >= 2;
	}

	/** Open now, with an activity of NAF rév. 2 in a section. */
	public static Predicate<Establishment> openInSection(String section) {
		return openInNafRev2().and((e) -> section.equals(sectionOf(e.activity())));
	}

	/** Open now, with an activity of NAF rév. 2 in a division ('01'..'99'). */
	public static Predicate<Establishment> openInDivision(String division) {
		return openInNafRev2().and((e) -> e.activity().startsWith(division));
	}

	/** The section of a NAF rév. 2 code ('62.01Z' → 'J'). */
	public static String sectionOf(String activity) {
		String section = SECTIONS.get(Integer.parseInt(activity.substring(0, 2)));
		if (section == null) {
			throw new IllegalArgumentException("no NAF rév. 2 section for " + activity);
		}
		return section;
	}

	/** A ratio × 100, unrounded. */
	public static double percent(long numerator, long denominator) {
		return 100.0 * numerator / denominator;
	}

	/**
	 * The location quotient of a territory in a sector against the rest of France:
	 * (E_ts/E_t) ÷ ((E_s − E_ts)/(E − E_t)), unrounded.
	 */
	public static double locationQuotient(long territoryInSector, long territory, long franceInSector, long france) {
		return ((double) territoryInSector / territory)
				/ ((double) (franceInSector - territoryInSector) / (france - territory));
	}

	private static Establishment establishment(Map<String, String> row, Map<String, Place> places,
			Set<String> continuingSuccessors) {
		String siret = value(row, "siret");
		String published = value(row, "codeCommuneEtablissement").toUpperCase(java.util.Locale.ROOT);
		String country = value(row, "codePaysEtrangerEtablissement");
		String commune = null;
		if (country.isEmpty() && !published.isEmpty()) {
			Place place = places.get(published);
			if (place == null) {
				throw new IllegalStateException("commune code " + published + " of " + siret
						+ " is not in the COG: the independent reader does not place it");
			}
			commune = place.code();
		}
		String lastTreatment = value(row, "dateDernierTraitementEtablissement");
		return new Establishment(siret, commune, value(row, "etatAdministratifEtablissement"),
				date(value(row, "dateCreationEtablissement")), date(value(row, "dateDebut")),
				lastTreatment.isEmpty() ? null : LocalDate.parse(lastTreatment.substring(0, 10)),
				value(row, "nomenclatureActivitePrincipaleEtablissement"),
				value(row, "activitePrincipaleEtablissement"), value(row, "caractereEmployeurEtablissement"),
				continuingSuccessors.contains(siret));
	}

	/**
	 * Every code of the COG that can be published as an establishment's commune, with the
	 * commune of the target geography it counts in: current communes as themselves,
	 * arrondissements municipaux rolled up to their commune, delegated and associated
	 * communes to their chef-lieu, former codes to the commune that lists them.
	 */
	private static Map<String, Place> places(Path cog) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, String> epciByCommune = new HashMap<>();
		try (InputStream in = new GZIPInputStream(Files.newInputStream(cog.resolve("epci.json.gz")))) {
			for (JsonNode epci : json.readTree(in)) {
				for (JsonNode member : epci.get("membres")) {
					epciByCommune.put(member.get("code").asString(), epci.get("code").asString());
				}
			}
		}
		List<JsonNode> entries = new ArrayList<>();
		try (InputStream in = new GZIPInputStream(Files.newInputStream(cog.resolve("communes.json.gz")))) {
			json.readTree(in).forEach(entries::add);
		}
		Map<String, Place> current = new LinkedHashMap<>();
		for (JsonNode entry : entries) {
			if (entry.get("type").asString().equals("commune-actuelle")) {
				String code = entry.get("code").asString();
				current.put(code, new Place(code, entry.get("nom").asString(), epciByCommune.get(code),
						entry.get("departement").asString(), entry.get("region").asString()));
			}
		}
		Map<String, Place> places = new HashMap<>(current);
		for (JsonNode entry : entries) {
			String type = entry.get("type").asString();
			String code = entry.get("code").asString();
			String target = switch (type) {
				case "arrondissement-municipal" -> entry.get("commune").asString();
				case "commune-deleguee", "commune-associee" -> entry.get("chefLieu").asString();
				default -> null;
			};
			if (target != null && current.containsKey(target)) {
				places.putIfAbsent(code, current.get(target));
			}
			JsonNode former = entry.get("anciensCodes");
			if (type.equals("commune-actuelle") && former != null) {
				former.forEach((old) -> places.putIfAbsent(old.asString(), current.get(code)));
			}
		}
		return places;
	}

	private static Set<String> continuingSuccessors(Path sirene) throws IOException {
		Set<String> successors = new HashSet<>();
		try (var listing = Files.list(sirene)) {
			for (Path file : listing
				.filter((path) -> path.getFileName().toString().startsWith("StockEtablissementLiensSuccession"))
				.filter((path) -> path.getFileName().toString().endsWith(".csv"))
				.toList()) {
				for (Map<String, String> row : rows(file)) {
					if ("true".equalsIgnoreCase(value(row, "continuiteEconomique"))) {
						successors.add(value(row, "siretEtablissementSuccesseur"));
					}
				}
			}
		}
		return successors;
	}

	private static List<Map<String, String>> rows(Path file) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				rows.add(record.toMap());
			}
		}
		return rows;
	}

	private static @Nullable LocalDate date(String text) {
		return text.isEmpty() ? null : LocalDate.parse(text);
	}

	private static String value(Map<String, String> row, String column) {
		String value = row.get(column);
		return (value != null) ? value.strip() : "";
	}

	private static Map<Integer, String> sections() {
		Map<Integer, String> sections = new HashMap<>();
		Object[][] ranges = { { 1, 3, "A" }, { 5, 9, "B" }, { 10, 33, "C" }, { 35, 35, "D" }, { 36, 39, "E" },
				{ 41, 43, "F" }, { 45, 47, "G" }, { 49, 53, "H" }, { 55, 56, "I" }, { 58, 63, "J" }, { 64, 66, "K" },
				{ 68, 68, "L" }, { 69, 75, "M" }, { 77, 82, "N" }, { 84, 84, "O" }, { 85, 85, "P" }, { 86, 88, "Q" },
				{ 90, 93, "R" }, { 94, 96, "S" }, { 97, 98, "T" }, { 99, 99, "U" } };
		for (Object[] range : ranges) {
			for (int division = (int) range[0]; division <= (int) range[1]; division++) {
				sections.put(division, (String) range[2]);
			}
		}
		return sections;
	}

	/**
	 * One row of a StockEtablissement file as the indicators read it.
	 *
	 * @param siret the SIRET
	 * @param commune the commune of the target geography, null for a foreign
	 * establishment or one without a commune
	 * @param etat etatAdministratifEtablissement
	 * @param creation dateCreationEtablissement
	 * @param debut dateDebut (of the current period: the closing date of a closed one)
	 * @param lastTreatment the date part of dateDernierTraitementEtablissement
	 * @param nomenclature nomenclatureActivitePrincipaleEtablissement
	 * @param activity activitePrincipaleEtablissement
	 * @param employer caractereEmployeurEtablissement
	 * @param continuingSuccessor the successor of a succession link with economic
	 * continuity
	 */
	public record Establishment(String siret, @Nullable String commune, String etat, @Nullable LocalDate creation,
			@Nullable LocalDate debut, @Nullable LocalDate lastTreatment, String nomenclature, String activity,
			String employer, boolean continuingSuccessor) {

		public boolean isOpen() {
			return "A".equals(this.etat);
		}

		public boolean isClosed() {
			return "F".equals(this.etat);
		}

	}

	/**
	 * A territory of a level of {@code mart.indicator_value}.
	 *
	 * @param level commune, epci, departement, region or france
	 * @param code its code ({@code FR} for France)
	 */
	public record Territory(String level, String code) {

		public static final Territory FRANCE = new Territory("france", "FR");

		public static Territory commune(String code) {
			return new Territory("commune", code);
		}

		public static Territory epci(String code) {
			return new Territory("epci", code);
		}

		@Override
		public String toString() {
			return this.level + " " + this.code;
		}

	}

	/**
	 * Counts by territory; a territory with nothing counted has 0.
	 *
	 * @param byTerritory the counts
	 */
	public record Counts(Map<Territory, Long> byTerritory) {

		public long of(Territory territory) {
			return this.byTerritory.getOrDefault(territory, 0L);
		}

	}

	private record Place(String code, String name, @Nullable String epci, String departement, String region) {
	}

}
