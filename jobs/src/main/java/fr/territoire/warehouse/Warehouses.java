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
import fr.territoire.config.NativeLibraryLeftovers;
import fr.territoire.config.TerritoireProperties;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Opens DuckDB warehouse files with explicit settings (memory, threads, spill folder).
 * Never installs or loads an extension from the network.
 */
public final class Warehouses {

	/**
	 * The storage format of the warehouse files the nightly creates. DuckDB 2.0 writes
	 * storage version 69 by default, which DuckDB 1.5 and 1.4 clients (CLI, Python, R,
	 * JDBC) refuse to open; a file created with this compatibility version is read by
	 * DuckDB 1.5 and every newer client, and keeps its format when DuckDB 2.0 writes to
	 * it again (a restart).
	 */
	public static final String READERS_STORAGE_VERSION = "v1.5.0";

	private Warehouses() {
	}

	/**
	 * Opens read-write a warehouse that users will read with their own DuckDB clients
	 * ({@code next.duckdb}, promoted to {@code current.duckdb}): if the file does not
	 * exist yet, it is created in {@link #READERS_STORAGE_VERSION}. An existing file
	 * keeps the format it was created in.
	 * @param file the DuckDB file
	 * @param settings memory and threads
	 * @return an open connection
	 */
	public static DuckDBConnection openForReaders(Path file, TerritoireProperties.Warehouse settings) {
		return open(file, false, settings, READERS_STORAGE_VERSION);
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
		return open(file, readOnly, settings, null);
	}

	private static DuckDBConnection open(Path file, boolean readOnly, TerritoireProperties.Warehouse settings,
			@Nullable String storageVersion) {
		try {
			if (!readOnly) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Properties properties = new Properties();
			if (readOnly) {
				properties.setProperty("duckdb.read_only", "true");
			}
			if (storageVersion != null) {
				// only used by DuckDB when it creates the file
				properties.setProperty("storage_compatibility_version", storageVersion);
			}
			properties.setProperty("autoinstall_known_extensions", "false");
			properties.setProperty("autoload_known_extensions", "false");
			Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
			NativeLibraryLeftovers.record();
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
				statement.execute("SET threads = " + settings.threads());
				statement.execute("SET preserve_insertion_order = true");
				if (!readOnly) {
					statement.execute("SET temp_directory = '" + file.toAbsolutePath() + ".tmp'");
				}
			}
			catch (SQLException ex) {
				// an unclosed connection keeps the database instance (and its file) open
				// in
				// this JVM, and the driver hands that instance to the next opener of the
				// file
				try {
					connection.close();
				}
				catch (SQLException closing) {
					ex.addSuppressed(closing);
				}
				throw ex;
			}
			return connection.unwrap(DuckDBConnection.class);
		}
		catch (SQLException | java.io.IOException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot open the warehouse " + file + (readOnly ? " read-only" : "") + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The storage version of the file behind a connection, as DuckDB reports it, e.g.
	 * {@code v1.5.0+} (readable by DuckDB 1.5 and newer) or {@code v2.0.0+}.
	 * @param connection an open warehouse
	 * @return the storage version
	 */
	public static String storageVersion(Connection connection) {
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT tags['storage_version'] FROM duckdb_databases() "
						+ "WHERE database_name = current_database()")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot read the storage version of the warehouse: " + ex.getMessage(), ex);
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
