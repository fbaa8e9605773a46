package fr.territoire.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real reference data a synthetic stock draws from: the communes of the bundled COG (with
 * Paris, Lyon and Marseille as their arrondissements municipaux, as SIRENE writes them),
 * weighted by population, and the 732 NAF rév. 2 sub-classes.
 *
 * @param communes places where establishments are drawn, by cumulative population
 * @param nafCodes NAF rév. 2 codes
 */
record GeneratorReferences(List<Commune> communes, long[] cumulativePopulation, List<String> nafCodes) {

	static final String COMMUNES = "samples/cog-2026/communes.json.gz";

	static final String NAF_CODES = "/fr/territoire/generate/naf-rev2-codes.txt";

	/** Communes the register splits into arrondissements municipaux. */
	static final java.util.Set<String> PARIS_LYON_MARSEILLE = java.util.Set.of("75056", "69123", "13055");

	GeneratorReferences {
		Objects.requireNonNull(communes, "communes is null");
		Objects.requireNonNull(nafCodes, "nafCodes is null");
	}

	/** Reads the bundled samples of the project. */
	static GeneratorReferences load(Path project) {
		Path file = project.resolve(COMMUNES);
		List<Commune> communes = new ArrayList<>();
		List<Long> cumulative = new ArrayList<>();
		long total = 0;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			for (JsonNode commune : JsonMapper.builder().build().readTree(in)) {
				String type = commune.path("type").asString("");
				long population = commune.path("population").asLong(0);
				boolean splitInArrondissements = PARIS_LYON_MARSEILLE.contains(commune.path("code").asString(""));
				if (population <= 0 || !(type.equals("arrondissement-municipal")
						|| (type.equals("commune-actuelle") && !splitInArrondissements))) {
					continue;
				}
				JsonNode postalCodes = commune.path("codesPostaux");
				String postalCode = (postalCodes.isArray() && !postalCodes.isEmpty()) ? postalCodes.get(0).asString()
						: "";
				communes.add(new Commune(commune.path("code").asString(),
						commune.path("nom").asString().toUpperCase(Locale.ROOT), postalCode));
				total += population;
				cumulative.add(total);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(file.toString()),
					"cannot read the bundled communes for the generator: " + ex.getMessage(), ex);
		}
		return new GeneratorReferences(communes, cumulative.stream().mapToLong(Long::longValue).toArray(),
				readNafCodes());
	}

	private static List<String> readNafCodes() {
		List<String> codes = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(GeneratorReferences.class.getResourceAsStream(NAF_CODES), NAF_CODES),
				StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					codes.add(line.strip());
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + NAF_CODES, ex);
		}
		return List.copyOf(codes);
	}

	/** A commune drawn with a probability proportional to its population. */
	Commune commune(long draw) {
		long target = Math.floorMod(draw, this.cumulativePopulation[this.cumulativePopulation.length - 1]);
		int index = java.util.Arrays.binarySearch(this.cumulativePopulation, target + 1);
		return this.communes.get((index >= 0) ? index : -index - 1);
	}

	/**
	 * A commune as the register writes it.
	 *
	 * @param code COG code (arrondissement code in Paris, Lyon and Marseille)
	 * @param name upper-case name
	 * @param postalCode its first postal code
	 */
	record Commune(String code, String name, String postalCode) {
	}

}
