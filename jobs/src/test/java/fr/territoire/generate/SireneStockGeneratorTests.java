package fr.territoire.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;

import fr.territoire.support.RegisterFileFigures;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SharedData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SireneStockGeneratorTests {

	@TempDir
	Path folder;

	@Test
	void writesTheExactDecember2025Layout() throws IOException {
		Path csv = generate("stock.csv", 100, 7);
		List<String> layout = RegisterFileFigures
			.establishments(SharedData
				.file("sirene/camillelv-lyon2-data-quality/StockEtablissement_utf8_2025layout_EXTRACT_transcribed.csv"))
			.header();
		assertThat(RegisterFileFigures.establishments(csv).header()).isEqualTo(layout).hasSize(54);
	}

	@Test
	void drawsRealCommunesAndNafCodesWithPartialClosedForeignAndInvalidRows() throws IOException {
		Path csv = generate("stock.csv", 20_000, 7);
		Set<String> communes = communeCodes();
		long partial = 0;
		long closed = 0;
		long foreign = 0;
		long paris = 0;
		long unknownCommunes = 0;
		Set<String> sirets = new HashSet<>();
		try (var reader = Files.newBufferedReader(csv);
				var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			for (CSVRecord row : parser) {
				assertThat(row.size()).isEqualTo(54);
				String commune = row.get("codeCommuneEtablissement");
				if (commune.isEmpty()) {
					foreign++;
					assertThat(row.get("codePaysEtrangerEtablissement")).matches("99[0-9]{3}");
				}
				else {
					unknownCommunes += communes.contains(commune) ? 0 : 1;
					paris += commune.startsWith("751") ? 1 : 0;
				}
				assertThat(commune).isNotEqualTo("75056");
				assertThat(row.get("activitePrincipaleEtablissement")).matches("[0-9]{2}\\.[0-9]{2}[A-Z]");
				partial += row.get("statutDiffusionEtablissement").equals("P") ? 1 : 0;
				closed += row.get("etatAdministratifEtablissement").equals("F") ? 1 : 0;
				if (row.get("statutDiffusionEtablissement").equals("P") && !commune.isEmpty()) {
					assertThat(row.get("libelleVoieEtablissement")).isEqualTo("[ND]");
				}
				sirets.add(row.get("siret"));
			}
		}
		assertThat(unknownCommunes).isZero();
		assertThat(sirets).hasSize(20_000);
		assertThat(partial).isBetween(200L, 1_200L);
		assertThat(closed).isBetween(9_000L, 13_000L);
		assertThat(foreign).isBetween(10L, 100L);
		// Paris holds about 3 % of the population
		assertThat(paris).isBetween(300L, 900L);
		Map<String, Long> rejected = RegisterFileFigures.establishments(csv).rejectedByRule();
		assertThat(rejected.keySet()).containsExactlyInAnyOrder("checksum:siret", "date:dateCreationEtablissement");
		assertThat(rejected.values()).allSatisfy((count) -> assertThat(count).isBetween(5L, 50L));
	}

	@Test
	void spreadsCreationsClosuresAndSurvivalOverEveryYearSince2010WithEveryNafDivision() throws IOException {
		Path csv = generate("stock.csv", 60_000, 11);
		LocalDate stockDate = LocalDate.of(2025, 11, 30);
		Map<Integer, Long> creations = new TreeMap<>();
		Map<Integer, Long> closures = new TreeMap<>();
		Map<Integer, Long> activeOnFirstJanuary = new TreeMap<>();
		Map<Integer, long[]> cohorts = new TreeMap<>();
		Set<String> divisions = new HashSet<>();
		Set<String> employer = new HashSet<>();
		long closed = 0;
		long rows = 0;
		try (var reader = Files.newBufferedReader(csv);
				var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			for (CSVRecord row : parser) {
				LocalDate created;
				try {
					created = LocalDate.parse(row.get("dateCreationEtablissement"));
				}
				catch (DateTimeParseException invalidRow) {
					continue;
				}
				rows++;
				LocalDate started = LocalDate.parse(row.get("dateDebut"));
				boolean isClosed = row.get("etatAdministratifEtablissement").equals("F");
				assertThat(started).isAfterOrEqualTo(created).isBeforeOrEqualTo(stockDate);
				divisions.add(row.get("activitePrincipaleEtablissement").substring(0, 2));
				employer.add(row.get("caractereEmployeurEtablissement"));
				creations.merge(created.getYear(), 1L, Long::sum);
				if (isClosed) {
					closed++;
					closures.merge(started.getYear(), 1L, Long::sum);
				}
				for (int year = 2010; year <= 2025; year++) {
					LocalDate firstJanuary = LocalDate.of(year, 1, 1);
					if (created.isBefore(firstJanuary) && !(isClosed && !started.isAfter(firstJanuary))) {
						activeOnFirstJanuary.merge(year, 1L, Long::sum);
					}
				}
				long[] cohort = cohorts.computeIfAbsent(created.getYear(), (year) -> new long[2]);
				cohort[0]++;
				cohort[1] += (isClosed && started.isBefore(created.plusYears(3))) ? 0 : 1;
			}
		}
		// about 56 % closed, closures dated by dateDebut
		assertThat(closed * 100.0 / rows).isBetween(50.0, 62.0);
		for (int year = 2010; year <= 2024; year++) {
			double creationRate = creations.get(year) * 100.0 / activeOnFirstJanuary.get(year);
			double closureRate = closures.get(year) * 100.0 / activeOnFirstJanuary.get(year);
			assertThat(creationRate).as("creation rate %d", year).isBetween(5.0, 25.0);
			assertThat(closureRate).as("closure rate %d", year).isBetween(3.0, 20.0);
		}
		// creations grow over the years
		assertThat(creations.get(2024)).isGreaterThan(creations.get(2010));
		assertThat(creations.get(2025)).isPositive();
		assertThat(closures.get(2025)).isPositive();
		for (int year = 2010; year <= 2021; year++) {
			long[] cohort = cohorts.get(year);
			assertThat(cohort[1] * 100.0 / cohort[0]).as("3-year survival of %d", year).isBetween(65.0, 82.0);
		}
		// the 88 divisions of NAF rev. 2, both employer characters
		assertThat(divisions).hasSize(88);
		assertThat(employer).containsExactlyInAnyOrder("O", "N");
	}

	@Test
	void isDeterministicForASeedAndZippedLikeInsee() throws IOException {
		Path first = generate("first.zip", 3_000, 42);
		Path second = generate("second.zip", 3_000, 42);
		Path other = generate("other.zip", 3_000, 43);
		try (ZipFile zip = new ZipFile(first.toFile())) {
			assertThat(zip.stream().map((entry) -> entry.getName())).containsExactly("StockEtablissement_utf8.csv");
		}
		assertThat(RegisterFileFigures.establishments(first).records()).isEqualTo(3_000);
		assertThat(content(first)).isEqualTo(content(second)).isNotEqualTo(content(other));
	}

	private Path generate(String name, long rows, long seed) throws IOException {
		Path file = this.folder.resolve(name);
		SireneStockGenerator.generate(SampleExpectations.PROJECT, file, rows, seed);
		return file;
	}

	private static byte[] content(Path zip) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile());
				InputStream in = file.getInputStream(file.getEntry("StockEtablissement_utf8.csv"))) {
			return in.readAllBytes();
		}
	}

	private static Set<String> communeCodes() throws IOException {
		Set<String> codes = new HashSet<>();
		try (InputStream in = new GZIPInputStream(
				Files.newInputStream(SampleExpectations.SAMPLES.resolve("cog-2026/communes.json.gz")))) {
			for (JsonNode commune : JsonMapper.builder().build().readTree(in)) {
				codes.add(commune.get("code").asString());
			}
		}
		return codes;
	}

}
