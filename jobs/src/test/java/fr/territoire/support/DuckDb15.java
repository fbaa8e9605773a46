package fr.territoire.support;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real DuckDB 1.5 client (the JDBC driver {@code org.duckdb:duckdb_jdbc} 1.5.x), beside
 * the 2.0 driver of the application: Maven cannot put two versions of one artifact on the
 * test classpath, so {@code jobs/pom.xml} copies the 1.5 jar to
 * {@code target/duckdb-1.5/} and it is loaded here by a class loader of its own whose
 * parent is the platform class loader (it sees {@code java.sql}, not the 2.0 driver).
 * Each driver extracts its native library to a temporary file of its own, so both live in
 * one JVM.
 */
public final class DuckDb15 {

	private static final Path JAR = Path
		.of(System.getProperty("territoire.duckdb15.jar", "target/duckdb-1.5/duckdb_jdbc.jar"));

	private static Driver driver;

	private DuckDb15() {
	}

	private static synchronized Driver driver() {
		if (driver == null) {
			if (!Files.isRegularFile(JAR)) {
				fail(JAR + " is missing: it is copied by maven-dependency-plugin (copy-duckdb-1.5) before "
						+ "integration-test; run the tests with ./mvnw verify");
			}
			try {
				URLClassLoader loader = new URLClassLoader(new URL[] { JAR.toUri().toURL() },
						ClassLoader.getPlatformClassLoader());
				driver = (Driver) Class.forName("org.duckdb.DuckDBDriver", true, loader)
					.getDeclaredConstructor()
					.newInstance();
			}
			catch (ReflectiveOperationException | java.net.MalformedURLException ex) {
				throw new IllegalStateException("cannot load the DuckDB 1.5 driver from " + JAR, ex);
			}
		}
		return driver;
	}

	/**
	 * Opens a file read-only with the 1.5 driver, as a user's 1.5 client would, and runs
	 * a query.
	 * @return the rows, each value as text (null as {@code null})
	 * @throws SQLException when DuckDB 1.5 refuses the file or the query
	 */
	public static List<List<String>> query(Path file, String sql) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("duckdb.read_only", "true");
		try (Connection connection = driver().connect("jdbc:duckdb:" + file.toAbsolutePath(), properties);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return rows(result);
		}
	}

	/** The rows of a result, each value as text. */
	public static List<List<String>> rows(ResultSet result) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		List<List<String>> rows = new ArrayList<>();
		while (result.next()) {
			List<String> row = new ArrayList<>();
			for (int i = 1; i <= columns; i++) {
				row.add(String.valueOf(result.getString(i)));
			}
			rows.add(row);
		}
		return rows;
	}

}
