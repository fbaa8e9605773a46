package fr.territoire.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a synthetic StockEtablissement in the exact current layout (December 2025, 54
 * columns), streamed row by row (constant memory whatever the size), zipped as INSEE
 * ships it when the file name ends with {@code .zip}. Deterministic for a given seed.
 * Draws real commune codes weighted by population and real NAF codes; about 3 % of units
 * refuse diffusion ('P', masked fields written {@code [ND]}), 0.2 % are abroad and 0.1 %
 * carry an invalid SIRET key or date. Creations grow over the years and each
 * establishment lives an exponential lifetime (see {@link #lifetimeDays}): it is closed
 * ('F', about 56 % of the stock) when that lifetime ends before the stock date, with
 * {@code dateDebut} the day of its closure; an active establishment's {@code dateDebut}
 * is its creation, or a later change for 30 % of them.
 */
public final class SireneStockGenerator {

	static final List<String> HEADER = List.of("siren", "nic", "siret", "statutDiffusionEtablissement",
			"dateCreationEtablissement", "trancheEffectifsEtablissement", "anneeEffectifsEtablissement",
			"activitePrincipaleRegistreMetiersEtablissement", "dateDernierTraitementEtablissement",
			"etablissementSiege", "nombrePeriodesEtablissement", "complementAdresseEtablissement",
			"numeroVoieEtablissement", "indiceRepetitionEtablissement", "dernierNumeroVoieEtablissement",
			"indiceRepetitionDernierNumeroVoieEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
			"codePostalEtablissement", "libelleCommuneEtablissement", "libelleCommuneEtrangerEtablissement",
			"distributionSpecialeEtablissement", "codeCommuneEtablissement", "codeCedexEtablissement",
			"libelleCedexEtablissement", "codePaysEtrangerEtablissement", "libellePaysEtrangerEtablissement",
			"identifiantAdresseEtablissement", "coordonneeLambertAbscisseEtablissement",
			"coordonneeLambertOrdonneeEtablissement", "complementAdresse2Etablissement", "numeroVoie2Etablissement",
			"indiceRepetition2Etablissement", "typeVoie2Etablissement", "libelleVoie2Etablissement",
			"codePostal2Etablissement", "libelleCommune2Etablissement", "libelleCommuneEtranger2Etablissement",
			"distributionSpeciale2Etablissement", "codeCommune2Etablissement", "codeCedex2Etablissement",
			"libelleCedex2Etablissement", "codePaysEtranger2Etablissement", "libellePaysEtranger2Etablissement",
			"dateDebut", "etatAdministratifEtablissement", "enseigne1Etablissement", "enseigne2Etablissement",
			"enseigne3Etablissement", "denominationUsuelleEtablissement", "activitePrincipaleEtablissement",
			"nomenclatureActivitePrincipaleEtablissement", "caractereEmployeurEtablissement",
			"activitePrincipaleNAF25Etablissement");

	private static final String[] BANDS = { "", "", "", "NN", "NN", "00", "01", "01", "02", "03", "11", "12", "21",
			"22", "31", "32", "41", "42", "51" };

	private static final String[] STREET_TYPES = { "RUE", "RUE", "RUE", "AVENUE", "BOULEVARD", "CHEMIN", "PLACE",
			"ROUTE", "IMPASSE", "ALLEE", "QUAI" };

	private static final String[] STREET_NAMES = { "DE LA GARE", "DU GENERAL DE GAULLE", "DE L'EGLISE", "DES ECOLES",
			"DE LA REPUBLIQUE", "VICTOR HUGO", "JEAN JAURES", "PASTEUR", "DU MOULIN", "DES VIGNES", "DE LA MAIRIE",
			"DU CHATEAU", "DE PARIS", "DES LILAS", "DU STADE", "DE LA LIBERATION", "NATIONALE", "PRINCIPALE",
			"DU COMMERCE", "DES ARTISANS" };

	private static final String[] SIGN_WORDS = { "BOULANGERIE", "GARAGE", "CAFE", "PHARMACIE", "ATELIER", "CABINET",
			"SALON", "EPICERIE", "BOUCHERIE", "RESTAURANT", "FLEURS", "OPTIQUE" };

	private static final String[][] COUNTRIES = { { "99109", "ALLEMAGNE" }, { "99131", "BELGIQUE" },
			{ "99127", "ITALIE" }, { "99134", "ESPAGNE" }, { "99140", "SUISSE" }, { "99132", "ROYAUME-UNI" },
			{ "99404", "ETATS-UNIS" }, { "99137", "LUXEMBOURG" } };

	private static final LocalDate FIRST_DAY = LocalDate.of(1973, 1, 1);

	private static final int DAYS = (int) (LocalDate.of(2025, 11, 30).toEpochDay() - FIRST_DAY.toEpochDay());

	private final GeneratorReferences references;

	private final SplittableRandom random;

	private long siren;

	private int nic;

	private boolean unitRefusesDiffusion;

	SireneStockGenerator(GeneratorReferences references, long seed) {
		this.references = references;
		this.random = new SplittableRandom(seed);
		this.siren = 10_000_000 + this.random.nextInt(1_000_000);
	}

	/**
	 * Writes a synthetic stock drawn from the project's bundled samples.
	 * @param project the project folder (its {@code samples/cog-2026})
	 * @param file the CSV or zip to write
	 * @param rows the number of establishments
	 * @param seed the random seed: the same seed gives the same file
	 */
	public static void generate(Path project, Path file, long rows, long seed) throws IOException {
		new SireneStockGenerator(GeneratorReferences.load(project), seed).write(file, rows);
	}

	/** Writes the stock; a {@code .zip} file holds one entry named as INSEE's. */
	void write(Path file, long rows) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		if (folder != null) {
			Files.createDirectories(folder);
		}
		boolean zipped = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
		try (OutputStream out = Files.newOutputStream(file)) {
			if (zipped) {
				try (ZipOutputStream zip = new ZipOutputStream(out)) {
					zip.setLevel(1);
					zip.putNextEntry(new ZipEntry("StockEtablissement_utf8.csv"));
					writeRows(zip, rows);
					zip.closeEntry();
				}
			}
			else {
				writeRows(out, rows);
			}
		}
	}

	private void writeRows(OutputStream out, long rows) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		writer.write(String.join(",", HEADER));
		writer.write('\n');
		StringBuilder line = new StringBuilder(512);
		for (long row = 0; row < rows; row++) {
			line.setLength(0);
			row(line);
			writer.append(line);
		}
		writer.flush();
	}

	/**
	 * One establishment: a new legal unit two times out of three, else the previous one.
	 */
	private void row(StringBuilder line) {
		boolean newUnit = this.nic == 0 || this.random.nextInt(3) != 0;
		if (newUnit) {
			this.siren += 1 + this.random.nextInt(3);
			this.nic = 0;
			this.unitRefusesDiffusion = this.random.nextInt(100) < 3;
		}
		this.nic += 1 + this.random.nextInt(9);
		String sirenText = withLuhnKey(String.format(Locale.ROOT, "%08d", this.siren % 100_000_000));
		String nicText = nicFor(sirenText, this.nic % 10_000);
		String siret = sirenText + nicText;
		int defect = this.random.nextInt(1000);
		if (defect == 0) {
			siret = siret.substring(0, 13) + (char) ('0' + (siret.charAt(13) - '0' + 1) % 10);
		}
		boolean partial = this.unitRefusesDiffusion;
		boolean foreign = this.random.nextInt(1000) < 2;
		int createdDay = creationDay(this.random.nextDouble(), this.random.nextDouble());
		LocalDate created = FIRST_DAY.plusDays(createdDay);
		long closedDay = createdDay + lifetimeDays(this.random.nextDouble(), this.random.nextDouble());
		boolean closed = closedDay < DAYS;
		int laterChange = this.random.nextInt(10);
		LocalDate started;
		if (closed) {
			started = FIRST_DAY.plusDays(closedDay);
		}
		else if (laterChange < 3) {
			started = created.plusDays(this.random.nextInt(Math.max(1, DAYS - createdDay)));
		}
		else {
			started = created;
		}
		String naf = this.references.nafCodes().get(this.random.nextInt(this.references.nafCodes().size()));
		GeneratorReferences.Commune commune = this.references.commune(this.random.nextLong());
		String[] country = COUNTRIES[this.random.nextInt(COUNTRIES.length)];
		String masked = "[ND]";
		field(line, sirenText).field(line, nicText).field(line, siret).field(line, partial ? "P" : "O");
		field(line, (defect == 1) ? created.getYear() + "-02-30" : created.toString());
		field(line, BANDS[this.random.nextInt(BANDS.length)]).field(line, "2023").field(line, "");
		field(line,
				"2025-" + two(1 + this.random.nextInt(11)) + "-" + two(1 + this.random.nextInt(28)) + "T"
						+ two(this.random.nextInt(24)) + ":" + two(this.random.nextInt(60)) + ":"
						+ two(this.random.nextInt(60)));
		field(line, (this.nic < 10) ? "true" : "false").field(line, String.valueOf(1 + this.random.nextInt(4)));
		// address
		field(line, "").field(line, foreign ? "" : partial ? masked : String.valueOf(1 + this.random.nextInt(120)));
		field(line, "").field(line, "").field(line, "");
		field(line, foreign ? "" : partial ? masked : STREET_TYPES[this.random.nextInt(STREET_TYPES.length)]);
		field(line, foreign ? "" : partial ? masked : STREET_NAMES[this.random.nextInt(STREET_NAMES.length)]);
		field(line, foreign ? "" : partial ? masked : commune.postalCode());
		field(line, foreign ? "" : commune.name()).field(line, foreign ? "BRUXELLES" : "").field(line, "");
		field(line, foreign ? "" : commune.code()).field(line, "").field(line, "");
		field(line, foreign ? country[0] : "").field(line, foreign ? country[1] : "");
		field(line, (foreign || partial) ? "" : commune.code() + "_" + this.random.nextInt(9999));
		field(line, foreign ? "" : partial ? masked : String.valueOf(100_000 + this.random.nextInt(1_100_000)));
		field(line, foreign ? "" : partial ? masked : String.valueOf(6_050_000 + this.random.nextInt(1_050_000)));
		for (int secondary = 0; secondary < 14; secondary++) {
			field(line, "");
		}
		field(line, started.toString()).field(line, closed ? "F" : "A");
		boolean sign = this.random.nextInt(5) == 0;
		field(line,
				sign ? (partial ? masked
						: SIGN_WORDS[this.random.nextInt(SIGN_WORDS.length)] + " " + commune.name().replace(",", " "))
						: "");
		field(line, "").field(line, "").field(line, "");
		field(line, naf).field(line, "NAFRev2").field(line, (this.random.nextInt(4) == 0) ? "O" : "N");
		line.append(closed ? "" : naf).append('\n');
	}

	/**
	 * The day of creation, counted from {@link #FIRST_DAY}: creations grow over the years
	 * (30 % drawn uniformly, 70 % with a density rising linearly from 1973 to the stock
	 * date), so that every year since 2010 holds more creations than the year before on
	 * average, as in the register.
	 * @param kind a uniform draw choosing between the two parts
	 * @param draw a uniform draw of the day
	 */
	static int creationDay(double kind, double draw) {
		double share = (kind < 0.3) ? draw : Math.sqrt(draw);
		return Math.min(DAYS - 1, (int) (share * DAYS));
	}

	/**
	 * The lifetime of an establishment in days, exponential with a mixture of hazards: a
	 * quarter are fragile (mean lifetime 2 years), the others robust (mean 30 years).
	 * About 73 % of a cohort is still active 3 years after its creation, and about 56 %
	 * of the stock is closed (a lifetime ending before the stock date).
	 * @param kind a uniform draw choosing fragile or robust
	 * @param draw a uniform draw of the lifetime
	 */
	static long lifetimeDays(double kind, double draw) {
		double meanYears = (kind < 0.25) ? 2 : 30;
		return (long) (-Math.log(1 - draw) * meanYears * 365.25);
	}

	private SireneStockGenerator field(StringBuilder line, String value) {
		if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
			line.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
		else {
			line.append(value);
		}
		line.append(',');
		return this;
	}

	private static String two(int value) {
		return (value < 10) ? "0" + value : String.valueOf(value);
	}

	/** The 8 digits followed by the Luhn key that makes the 9-digit SIREN valid. */
	static String withLuhnKey(String digits) {
		for (int key = 0; key < 10; key++) {
			String candidate = digits + key;
			if (luhnSum(candidate) % 10 == 0) {
				return candidate;
			}
		}
		throw new IllegalStateException("no Luhn key for " + digits);
	}

	/** A 5-digit NIC starting with the 4 digits whose key makes the SIRET valid. */
	static String nicFor(String siren, int number) {
		String prefix = siren + String.format(Locale.ROOT, "%04d", number);
		return withLuhnKey(prefix).substring(9);
	}

	static int luhnSum(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum;
	}

}
