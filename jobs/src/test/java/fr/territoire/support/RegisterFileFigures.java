package fr.territoire.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Figures of a SIRENE stock file computed independently of the pipeline: commons-csv
 * reads the file (through {@code java.util.zip} for a zip), and the register's rules
 * (DOMAIN.md §1.4 and §2) are written again here in plain Java.
 *
 * @param records data records
 * @param rejectedByRule expected rejected rows, by rule, the first failing rule of a row
 * @param header the header names
 */
public record RegisterFileFigures(long records, Map<String, Long> rejectedByRule, List<String> header) {

	private static final Set<String> BANDS = Set.of("NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32",
			"41", "42", "51", "52", "53");

	public long rejected() {
		return this.rejectedByRule.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The figures of a StockEtablissement file. */
	public static RegisterFileFigures establishments(Path file) throws IOException {
		return read(file, RegisterFileFigures::establishmentRule);
	}

	/** The figures of a StockUniteLegale file. */
	public static RegisterFileFigures legalUnits(Path file) throws IOException {
		return read(file, RegisterFileFigures::legalUnitRule);
	}

	private static RegisterFileFigures read(Path file, Function<Map<String, String>, String> rule) throws IOException {
		long records = 0;
		Map<String, Long> rejected = new TreeMap<>();
		try (InputStream in = open(file);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			for (CSVRecord row : parser) {
				records++;
				String broken = rule.apply(row.toMap());
				if (broken != null) {
					rejected.merge(broken, 1L, Long::sum);
				}
			}
			return new RegisterFileFigures(records, rejected, parser.getHeaderNames());
		}
	}

	private static InputStream open(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		if (!file.toString().endsWith(".zip")) {
			return in;
		}
		ZipInputStream zip = new ZipInputStream(in);
		zip.getNextEntry();
		return zip;
	}

	private static String establishmentRule(Map<String, String> row) {
		String siret = value(row, "siret");
		String band = value(row, "trancheEffectifsEtablissement");
		String activity = value(row, "activitePrincipaleEtablissement");
		String country = value(row, "codePaysEtrangerEtablissement");
		String commune = value(row, "codeCommuneEtablissement").toUpperCase(java.util.Locale.ROOT);
		if (siret.isEmpty()) {
			return "required:siret";
		}
		if (!siret.matches("[0-9]{14}")) {
			return "pattern:siret";
		}
		if (!siretIsValid(siret)) {
			return "checksum:siret";
		}
		if (!siret.substring(0, 9).equals(value(row, "siren"))) {
			return "consistency:siren";
		}
		if (!Set.of("A", "F").contains(row.get("etatAdministratifEtablissement"))) {
			return "allowed_values:etatAdministratifEtablissement";
		}
		if (!Set.of("O", "P", "N").contains(row.get("statutDiffusionEtablissement"))) {
			return "allowed_values:statutDiffusionEtablissement";
		}
		if (!isDateOrEmpty(row.get("dateCreationEtablissement"))) {
			return "date:dateCreationEtablissement";
		}
		if (!isDateOrEmpty(value(row, "dateDebut"))) {
			return "date:dateDebut";
		}
		if (!band.isEmpty() && !BANDS.contains(band)) {
			return "allowed_values:trancheEffectifsEtablissement";
		}
		if ("NAFRev2".equals(row.get("nomenclatureActivitePrincipaleEtablissement")) && !activity.isEmpty()
				&& !activity.matches("[0-9]{2}\\.[0-9]{2}[A-Z]")) {
			return "pattern:activitePrincipaleEtablissement";
		}
		if (!country.isEmpty() && !country.matches("99[0-9]{3}")) {
			return "pattern:codePaysEtrangerEtablissement";
		}
		if (commune.isEmpty() && country.isEmpty()) {
			return "required:codeCommuneEtablissement";
		}
		if (!commune.isEmpty() && !commune.matches("[0-9]{5}|2[AB][0-9]{3}")) {
			return "pattern:codeCommuneEtablissement";
		}
		return null;
	}

	private static String legalUnitRule(Map<String, String> row) {
		String siren = value(row, "siren");
		String category = value(row, "categorieJuridiqueUniteLegale");
		String nicSiege = value(row, "nicSiegeUniteLegale");
		if (siren.isEmpty()) {
			return "required:siren";
		}
		if (!siren.matches("[0-9]{9}")) {
			return "pattern:siren";
		}
		if (luhnSum(siren) % 10 != 0) {
			return "checksum:siren";
		}
		if (!Set.of("A", "C").contains(row.get("etatAdministratifUniteLegale"))) {
			return "allowed_values:etatAdministratifUniteLegale";
		}
		if (!Set.of("O", "P", "N").contains(row.get("statutDiffusionUniteLegale"))) {
			return "allowed_values:statutDiffusionUniteLegale";
		}
		if (!isDateOrEmpty(row.get("dateCreationUniteLegale"))) {
			return "date:dateCreationUniteLegale";
		}
		if (!category.isEmpty() && !category.matches("[0-9]{4}")) {
			return "pattern:categorieJuridiqueUniteLegale";
		}
		if (!nicSiege.isEmpty() && !nicSiege.matches("[0-9]{5}")) {
			return "pattern:nicSiegeUniteLegale";
		}
		return null;
	}

	/** DOMAIN.md §2: Luhn, or La Poste's digit sum multiple of 5. */
	public static boolean siretIsValid(String siret) {
		if (siret.startsWith("356000000") && !siret.equals("35600000000048")) {
			return siret.chars().map((c) -> c - '0').sum() % 5 == 0;
		}
		return luhnSum(siret) % 10 == 0;
	}

	private static int luhnSum(String digits) {
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
		return sum;
	}

	private static boolean isDateOrEmpty(String text) {
		if (text == null || text.isBlank()) {
			return true;
		}
		try {
			LocalDate.parse(text.strip());
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static String value(Map<String, String> row, String column) {
		String value = row.get(column);
		return (value != null) ? value.strip() : "";
	}

}
