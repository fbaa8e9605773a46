package fr.territoire.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
