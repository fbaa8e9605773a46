package fr.territoire.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.config.TerritoireProperties;
import org.duckdb.DuckDBConnection;

/**
 * Opens DuckDB warehouse files with explicit settings (memory, threads, spill folder).
 * Never installs or loads an extension from the network.
 */
public final class Warehouses {

	private Warehouses() {
	}

	/**
	 * Opens a warehouse file.
	 * @param file the DuckDB file
	 * @param readOnly whether to open it read-only (chosen when opening, as DuckDB
	 * requires)
	 * @param settings memory and threads
	 * @return an open connection
	 */
	public static DuckDBConnection open(Path file, boolean readOnly, TerritoireProperties.Warehouse settings) {
		try {
			if (!readOnly) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Properties properties = new Properties();
			if (readOnly) {
				properties.setProperty("duckdb.read_only", "true");
				// a reader's results stream from DuckDB instead of being materialised
				// whole in
				// native memory (a 40M-row result stays within a few hundred MB)
				properties.setProperty("jdbc_stream_results", "true");
			}
			properties.setProperty("autoinstall_known_extensions", "false");
			properties.setProperty("autoload_known_extensions", "false");
			Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
				statement.execute("SET threads = " + settings.threads());
				statement.execute("SET preserve_insertion_order = true");
				if (!readOnly) {
					statement.execute("SET temp_directory = '" + file.toAbsolutePath() + ".tmp'");
				}
			}
			return connection.unwrap(DuckDBConnection.class);
		}
		catch (SQLException | java.io.IOException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot open the warehouse " + file + (readOnly ? " read-only" : "") + ": " + ex.getMessage(), ex);
		}
	}

	/** Deletes a warehouse file and its write-ahead log and spill folder, if present. */
	public static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
			Files.deleteIfExists(Path.of(file + ".wal"));
			Path spill = Path.of(file + ".tmp");
			if (Files.isDirectory(spill)) {
				try (var paths = Files.walk(spill)) {
					paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, "cannot delete " + file + ": " + ex.getMessage(),
					ex);
		}
	}

}
