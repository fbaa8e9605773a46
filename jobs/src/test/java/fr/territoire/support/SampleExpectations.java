package fr.territoire.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expected figures computed straight from the bundled sample files, independently of the
 * pipeline: commons-csv for the register, POI's in-memory workbook model (not the SAX
 * reader the pipeline uses) for the populations, Jackson for the COG JSON.
 */
public final class SampleExpectations {

	public static final Path PROJECT = Path.of(System.getProperty("territoire.project-dir", ".."))
		.toAbsolutePath()
		.normalize();

	public static final Path SAMPLES = PROJECT.resolve("samples");

	public static final List<String> SIRENE_FILES = List.of("sirene/StockEtablissement_utf8_entzheim.csv",
			"sirene/StockEtablissement_utf8_national_extract.csv");

	/**
	 * Copies the bundled samples into an inbox folder (the helper script that derived
	 * them is left out).
	 */
	/**
	 * Copies the project's configuration folders (mappings, warehouse, schedules,
	 * partners) into another project folder.
	 */
	public static void copyConfiguration(Path target) throws IOException {
		for (String folder : List.of("mappings", "warehouse", "schedules", "partners")) {
			Path source = PROJECT.resolve(folder);
			try (var paths = Files.walk(source)) {
				for (Path path : paths.toList()) {
					Path copy = target.resolve(PROJECT.relativize(path).toString());
					if (Files.isDirectory(path)) {
						Files.createDirectories(copy);
					}
					else {
						Files.copy(path, copy);
					}
				}
			}
		}
	}

	/**
	 * Runs the nightly in this JVM with another project folder (as the launcher's
	 * {@code territoire.project-dir} would), restoring the property afterwards.
	 * @return the exit code
	 */
	public static int runNightlyIn(Path project, String date, Path home, Path inbox) {
		String previous = System.getProperty("territoire.project-dir");
		System.setProperty("territoire.project-dir", project.toString());
		try {
			return fr.territoire.cli.TerritoireCommand.execute("run", "nightly", "--date", date, "--home",
					home.toString(), "--inbox", inbox.toString());
		}
		finally {
			if (previous != null) {
				System.setProperty("territoire.project-dir", previous);
			}
			else {
				System.clearProperty("territoire.project-dir");
			}
		}
	}

	/**
	 * The input files of the samples, one per data file: everything in {@code samples/}
	 * but the scripts that derived some of them and licence texts.
	 */
	public static long sampleInputFiles() throws IOException {
		try (var paths = Files.walk(SAMPLES)) {
			return paths.filter(Files::isRegularFile)
				.map((path) -> path.getFileName().toString())
				.filter((name) -> !name.endsWith(".py") && !name.endsWith(".jsh") && !name.equals("LICENSE"))
				.count();
		}
	}

	public static void copySamples(Path inbox) throws IOException {
		try (var paths = Files.walk(SAMPLES)) {
			for (Path path : paths.toList()) {
				Path copy = inbox.resolve(SAMPLES.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else if (!path.getFileName().toString().endsWith(".py")
						&& !path.getFileName().toString().endsWith(".jsh")) {
					Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static SampleExpectations instance;

	private final Map<String, Long> recordsBySireneFile = new HashMap<>();

	private final Map<String, Long> activeByCommune = new HashMap<>();

	private long activeInFrance;

	private final Map<String, Long> populationByCommune = new HashMap<>();

	private final Map<String, Long> populationByDepartement = new HashMap<>();

	private final Map<String, Long> populationByRegion = new HashMap<>();

	private final Map<String, List<String>> epciMembers = new HashMap<>();

	private SampleExpectations() throws IOException {
		readRegister();
		readPopulations();
		readEpci();
	}

	public static synchronized SampleExpectations load() throws IOException {
		if (instance == null) {
			instance = new SampleExpectations();
		}
		return instance;
	}

	private void readRegister() throws IOException {
		for (String file : SIRENE_FILES) {
			long records = 0;
			try (Reader reader = Files.newBufferedReader(SAMPLES.resolve(file), StandardCharsets.UTF_8)) {
				for (CSVRecord row : CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
					records++;
					String commune = row.get("codeCommuneEtablissement");
					if ("A".equals(row.get("etatAdministratifEtablissement")) && !commune.isEmpty()) {
						this.activeByCommune.merge(commune, 1L, Long::sum);
						this.activeInFrance++;
					}
				}
			}
			this.recordsBySireneFile.put(file, records);
		}
	}

	private void readPopulations() throws IOException {
		try (InputStream in = Files
			.newInputStream(SAMPLES.resolve("populations/ensemble_2025_populations_reference_2022.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			for (Map<String, String> row : rows(workbook.getSheet("Communes"))) {
				String departement = row.get("Code département");
				String commune = departement.substring(0, 2) + row.get("Code commune");
				this.populationByCommune.put(commune, Long.parseLong(row.get("Population municipale")));
			}
			for (Map<String, String> row : rows(workbook.getSheet("Départements"))) {
				this.populationByDepartement.put(row.get("Code département"),
						Long.parseLong(row.get("Population municipale")));
			}
			for (Map<String, String> row : rows(workbook.getSheet("Régions"))) {
				this.populationByRegion.put(row.get("Code région"), Long.parseLong(row.get("Population municipale")));
			}
		}
	}

	/**
	 * Rows below the header (row 8 in INSEE's workbooks), as header → value, numbers
	 * without ".0".
	 */
	private static List<Map<String, String>> rows(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<String> header = new ArrayList<>();
		List<Map<String, String>> rows = new ArrayList<>();
		for (Row row : sheet) {
			if (header.isEmpty()) {
				Cell first = row.getCell(0);
				if (first != null && "Code région".equals(formatter.formatCellValue(first))) {
					row.forEach((cell) -> header.add(formatter.formatCellValue(cell)));
				}
				continue;
			}
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < header.size(); i++) {
				Cell cell = row.getCell(i);
				String value = "";
				if (cell != null) {
					value = (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC)
							? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue().strip();
				}
				values.put(header.get(i), value);
			}
			if (!values.getOrDefault("Code région", "").isEmpty()) {
				rows.add(values);
			}
		}
		return rows;
	}

	private void readEpci() throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLES.resolve("cog-2026/epci.json.gz")))) {
			JsonNode epcis = JsonMapper.builder().build().readTree(in);
			for (JsonNode epci : epcis) {
				List<String> members = new ArrayList<>();
				epci.get("membres").forEach((member) -> members.add(member.get("code").asString()));
				this.epciMembers.put(epci.get("code").asString(), members);
			}
		}
	}

	public long sireneRecords(String file) {
		return this.recordsBySireneFile.get(file);
	}

	/**
	 * Open establishments (etatAdministratifEtablissement = A) by published commune code.
	 */
	public long active(String commune) {
		return this.activeByCommune.getOrDefault(commune, 0L);
	}

	/** Open establishments located in a commune, across both register files. */
	public long activeInFrance() {
		return this.activeInFrance;
	}

	public Map<String, Long> populationByCommune() {
		return this.populationByCommune;
	}

	public long communeRows() {
		return this.populationByCommune.size();
	}

	public long population(String commune) {
		return this.populationByCommune.get(commune);
	}

	public long populationOfFrance() {
		return this.populationByCommune.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The workbook's own Départements sheet. */
	public long populationOfDepartement(String code) {
		return this.populationByDepartement.get(code);
	}

	/** The workbook's own Régions sheet. */
	public long populationOfRegion(String code) {
		return this.populationByRegion.get(code);
	}

	/**
	 * Every département of the workbook's own Départements sheet, with its population.
	 */
	public Map<String, Long> populationByDepartement() {
		return this.populationByDepartement;
	}

	/** Every région of the workbook's own Régions sheet, with its population. */
	public Map<String, Long> populationByRegion() {
		return this.populationByRegion;
	}

	public Map<String, List<String>> epciMembers() {
		return this.epciMembers;
	}

	/** The EPCI a commune belongs to. */
	public String epciOf(String commune) {
		return this.epciMembers.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(commune))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

}
