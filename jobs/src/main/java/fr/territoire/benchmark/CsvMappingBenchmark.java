package fr.territoire.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.ingest.InputDiscovery;
import fr.territoire.ingest.InputFile;
import fr.territoire.ingest.RawLoader;
import fr.territoire.mapping.Mapping;
import fr.territoire.normalise.Normaliser;
import fr.territoire.normalise.StagingSql;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;

/**
 * Measures a CSV going through a declarative mapping (DuckDB {@code read_csv} into the
 * raw table with lineage, then the generated staging model: cleaning, typing, rules,
 * duplicate keys, quarantine and row accounting) against bare DuckDB {@code read_csv} of
 * the same file into a table, in the same run, on the same warehouse file.
 *
 * <p>
 * The file is generated: a comparateur-like table of communes with 15 columns (codes,
 * integers, decimals written with a comma, secret markers {@code s}) and about 0.1 % of
 * defective rows, so that the validation path does real work.
 */
public final class CsvMappingBenchmark {

	static final List<String> HEADER = List.of("CODGEO", "ANNEE", "LIBGEO", "DEP", "P22_POP", "P16_POP", "SUPERF",
			"NAIS1621", "DECE1621", "P22_MEN", "MED21", "TP6021", "PIMP21", "ETTOT24", "DATE_MAJ", "SECRET");

	private CsvMappingBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param project the project folder, whose {@code warehouse/schema} and
	 * {@code warehouse/macros} the warehouse is created with
	 * @param rows rows of the generated file
	 * @param work a folder for the file and the warehouse (emptied first)
	 * @param repeat how many times each side is measured (the best time is kept)
	 * @param out where figures are printed
	 * @return the figures
	 */
	public static Result run(Path project, int rows, Path work, int repeat, PrintWriter out) throws IOException {
		Files.createDirectories(work);
		Path inbox = work.resolve("inbox");
		Path file = inbox.resolve("statistics/bench/comparateur_bench.csv");
		long generating = System.nanoTime();
		generate(file, rows);
		out.printf(Locale.ROOT, "Machine: %d cores, load average %s; %s%n", Runtime.getRuntime().availableProcessors(),
				loadAverage(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		out.printf(Locale.ROOT, "Generated %,d rows (%,d bytes) in %.1f s: %s%n", rows, Files.size(file),
				seconds(generating), file);
		Mapping mapping = mapping(work);
		TerritoireHome home = new TerritoireHome(work.resolve("home"), project, inbox);
		deleteIfExists(home.nextWarehouse());
		TerritoireProperties.Warehouse settings = new TerritoireProperties.Warehouse("2GB", 2);
		double bare = Double.MAX_VALUE;
		double mapped = Double.MAX_VALUE;
		Normaliser.Counts counts = null;
		try (WarehouseSession session = new WarehouseSession(home, settings)) {
			DuckDBConnection connection = session.connection();
			InputFile input = InputDiscovery.describe(inbox, mapping.source(), file);
			for (int i = 0; i < repeat; i++) {
				// alternate which side goes first, so that neither always finds the file
				// in
				// the page cache left by the other
				double bareRun = 0;
				Timing mappedRun = null;
				if (i % 2 == 0) {
					bareRun = bare(connection, file);
					mappedRun = mapped(connection, mapping, input);
				}
				else {
					mappedRun = mapped(connection, mapping, input);
					bareRun = bare(connection, file);
				}
				out.printf(Locale.ROOT,
						"  run %d: bare %.2f s; mapping %.2f s (raw table %.2f s + validation %.2f s)%n", i + 1,
						bareRun, mappedRun.total(), mappedRun.loading(), mappedRun.total() - mappedRun.loading());
				bare = Math.min(bare, bareRun);
				mapped = Math.min(mapped, mappedRun.total());
				counts = mappedRun.counts();
			}
		}
		Result result = new Result(rows, bare, mapped, counts.staged(), counts.rejected());
		out.printf(Locale.ROOT, "bare DuckDB read_csv into a table : %.2f s, %,.0f rows/s%n", bare, rows / bare);
		out.printf(Locale.ROOT,
				"mapping + validation (Territoire)  : %.2f s, %,.0f rows/s (%,d staged, %,d rejected)%n", mapped,
				rows / mapped, counts.staged(), counts.rejected());
		out.printf(Locale.ROOT, "ratio: %.0f %% of bare read_csv throughput (target: at least 50 %%)%n",
				100 * result.ratio());
		return result;
	}

	private static double bare(DuckDBConnection connection, Path file) {
		long started = System.nanoTime();
		Sql.execute(connection, "bare read_csv",
				"CREATE OR REPLACE TABLE raw.bare AS SELECT * FROM read_csv(" + Sql.literal(file.toString())
						+ ", header = true, auto_detect = false, delim = ';', columns = "
						+ HEADER.stream()
							.map((name) -> Sql.literal(name) + ": 'VARCHAR'")
							.collect(Collectors.joining(", ", "{", "}"))
						+ ")");
		double seconds = seconds(started);
		Sql.execute(connection, "drop", "DROP TABLE raw.bare");
		return seconds;
	}

	private static Timing mapped(DuckDBConnection connection, Mapping mapping, InputFile input) {
		long started = System.nanoTime();
		fr.territoire.ingest.RawTable.create(connection, mapping);
		long read = RawLoader.forFormat(Mapping.Format.CSV).load(connection, mapping, input);
		double loading = seconds(started);
		Sql.execute(connection, "accounting",
				"DELETE FROM meta.file_accounting WHERE source = " + Sql.literal(mapping.source()));
		Sql.update(connection, "INSERT INTO meta.file_accounting VALUES (?, ?, ?, 0, 0, false)", mapping.source(),
				input.name(), read);
		Normaliser.Counts counts = Normaliser.run(connection, mapping, StagingSql.model(mapping));
		return new Timing(loading, seconds(started), counts);
	}

	private record Timing(double loading, double total, Normaliser.Counts counts) {
	}

	/** The mapping under test, the one a user would write for such a file. */
	static Mapping mapping(Path work) throws IOException {
		Path yaml = work.resolve("bench_comparateur.yaml");
		Files.writeString(yaml, """
				source: bench_comparateur
				description: generated comparateur-like communes table
				files: ["statistics/**/comparateur_bench*.csv"]
				format: csv
				delimiter: ";"
				decimal: auto
				null_markers: ["s", "nd"]
				target:
				  table: stg_bench__comparateur
				  key: [commune_code, annee]
				columns:
				  - name: CODGEO
				    target: commune_code
				    type: code
				    transform: [upper, {left_pad: {length: 5, with: "0"}}]
				    rules: [required, commune_code]
				  - {name: ANNEE, type: integer, rules: [required, {min: 1900}, {max: 2100}]}
				  - name: LIBGEO
				    target: commune_name
				    rules: [required]
				  - name: DEP
				    target: departement_code
				    type: code
				    rules: [required, departement_code]
				  - {name: P22_POP, type: integer, rules: [required, {min: 0}]}
				  - {name: P16_POP, type: integer, rules: [{min: 0}]}
				  - {name: SUPERF, type: decimal, rules: [{min: 0}]}
				  - {name: NAIS1621, type: integer, rules: [{min: 0}]}
				  - {name: DECE1621, type: integer, rules: [{min: 0}]}
				  - {name: P22_MEN, type: decimal, rules: [{min: 0}]}
				  - {name: MED21, type: decimal, rules: [{min: 0}]}
				  - {name: TP6021, type: decimal, rules: [{min: 0}, {max: 100}]}
				  - {name: PIMP21, type: decimal, rules: [{min: 0}, {max: 100}]}
				  - {name: ETTOT24, type: integer, rules: [{min: 0}]}
				  - {name: DATE_MAJ, type: date, format: ["%d/%m/%Y"]}
				  - {name: SECRET, type: boolean}
				""");
		List<Problem> problems = new ArrayList<>();
		Mapping mapping = YamlFiles.read(yaml, Mapping.class, yaml.getFileName().toString(), problems::add);
		if (mapping == null) {
			throw new IllegalStateException("benchmark mapping is invalid: " + problems);
		}
		return mapping;
	}

	/**
	 * Writes the file: row i is commune number i, about one row in a thousand defective.
	 */
	static void generate(Path file, int rows) throws IOException {
		Files.createDirectories(file.getParent());
		SplittableRandom random = new SplittableRandom(20261128);
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(String.join(";", HEADER));
			writer.write('\n');
			StringBuilder line = new StringBuilder(160);
			for (int i = 0; i < rows; i++) {
				line.setLength(0);
				// 95 départements × 1,000 commune numbers = 95,000 codes, each once a
				// year
				int departement = 1 + (i % 95);
				int number = (i / 95) % 1000;
				int year = 2000 + i / 95_000;
				String dep = (departement == 20) ? "2A" : pad(departement, 2);
				int defect = random.nextInt(1000);
				String code = (defect == 0) ? dep + "X" + (number % 100) : dep + pad(number, 3);
				int population = random.nextInt(20, 50_000);
				line.append(code).append(';').append(year).append(';').append("Commune ").append(i).append(';');
				line.append(dep).append(';');
				line.append((defect == 1) ? "12 3" : Integer.toString(population)).append(';');
				line.append(population - random.nextInt(0, 20)).append(';');
				decimal(line, random.nextInt(100, 20_000), 2, '.').append(';');
				line.append(random.nextInt(0, 500)).append(';').append(random.nextInt(0, 400)).append(';');
				decimal(line, population * 434_782L / 1000, 6, '.').append(';');
				line.append((random.nextInt(20) == 0) ? "s" : Integer.toString(random.nextInt(15_000, 40_000)))
					.append(';');
				secretOrDecimal(line, random, 30, 400).append(';');
				secretOrDecimal(line, random, 200, 800).append(';');
				line.append(random.nextInt(0, 3_000)).append(';');
				line.append(pad(1 + random.nextInt(28), 2)).append('/').append(pad(1 + random.nextInt(12), 2));
				line.append('/').append((defect == 2) ? "2025-02-30" : "2025").append(';');
				line.append(random.nextBoolean() ? "oui" : "non").append('\n');
				writer.append(line);
			}
		}
	}

	/**
	 * A value with a decimal comma (one digit), or the secret marker one time in three.
	 */
	private static StringBuilder secretOrDecimal(StringBuilder line, SplittableRandom random, int min, int max) {
		return (random.nextInt(3) == 0) ? line.append('s') : decimal(line, random.nextInt(min, max), 1, ',');
	}

	private static StringBuilder decimal(StringBuilder line, long scaled, int digits, char separator) {
		String text = Long.toString(scaled);
		while (text.length() <= digits) {
			text = "0" + text;
		}
		return line.append(text, 0, text.length() - digits)
			.append(separator)
			.append(text.substring(text.length() - digits));
	}

	private static String pad(int value, int width) {
		String text = Integer.toString(value);
		return (text.length() >= width) ? text : "0".repeat(width - text.length()) + text;
	}

	private static void deleteIfExists(Path file) throws IOException {
		Files.deleteIfExists(file);
		Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	/**
	 * Figures of one run.
	 *
	 * @param rows rows of the file
	 * @param bareSeconds best time of bare {@code read_csv} into a table
	 * @param mappedSeconds best time of the mapping path
	 * @param staged rows staged
	 * @param rejected rows rejected
	 */
	public record Result(int rows, double bareSeconds, double mappedSeconds, long staged, long rejected) {

		/** Throughput of the mapping path over bare {@code read_csv}'s. */
		public double ratio() {
			return this.bareSeconds / this.mappedSeconds;
		}

	}

}
