package fr.territoire.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.query.WarehouseQuerySession;

/**
 * A reader of {@code current.duckdb} in a process of its own, as a user's client is: it
 * opens a read-only session ({@link WarehouseQuerySession}, what {@code territoire sql}
 * uses), runs one query, closes, and again, until a stop file appears; it prints
 * {@code ANSWER <text>} or {@code ERROR <message>} per attempt.
 * <p>
 * Separate processes, not threads: in one JVM the DuckDB driver hands every opener of a
 * file the database instance already open there, so threads would not be independent
 * readers.
 */
public final class WarehouseReader {

	private WarehouseReader() {
	}

	/**
	 * Reads in a loop.
	 * @param arguments the warehouse file, the stop file, the query
	 */
	public static void main(String[] arguments) throws Exception {
		Path warehouse = Path.of(arguments[0]);
		Path stop = Path.of(arguments[1]);
		String sql = arguments[2];
		TerritoireProperties.Warehouse settings = new TerritoireProperties.Warehouse("256MB", 1);
		while (!Files.exists(stop)) {
			try {
				System.out.println("ANSWER " + read(warehouse, settings, sql));
			}
			catch (RuntimeException ex) {
				System.out.println("ERROR " + String.valueOf(ex.getMessage()).replace('\n', ' '));
			}
			System.out.flush();
			Thread.sleep(20);
		}
	}

	/** One answer: the first column of the first row. */
	public static String read(Path warehouse, TerritoireProperties.Warehouse settings, String sql) {
		StringWriter text = new StringWriter();
		TerritoireProperties.Query query = new TerritoireProperties.Query(java.time.Duration.ofSeconds(60),
				settings.memoryLimit(), settings.threads(), "10GB", true);
		Path spill = warehouse.toAbsolutePath().getParent().resolveSibling("tmp");
		try (WarehouseQuerySession session = WarehouseQuerySession.open(warehouse, spill, query,
				fr.territoire.query.Layers.every())) {
			session.execute(sql, (result, out) -> {
				result.next();
				out.print(result.getString(1));
				return 1;
			}, new PrintWriter(text));
		}
		return text.toString();
	}

	/** Starts a reader process with this test JVM's class path. */
	public static Process start(Path warehouse, Path stop, String sql) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
						System.getProperty("java.class.path"), WarehouseReader.class.getName(), warehouse.toString(),
						stop.toString(), sql));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/** The lines a reader printed, once it has ended. */
	public static List<String> lines(Process process) throws IOException, InterruptedException {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		if (!process.waitFor(1, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		return lines;
	}

}
