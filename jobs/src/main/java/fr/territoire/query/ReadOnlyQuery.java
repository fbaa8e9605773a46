package fr.territoire.query;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.warehouse.Warehouses;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read-only SQL on the last good warehouse: opened read-only (so the nightly can keep
 * building the next one), with external access disabled so that a query can neither read
 * nor write files.
 */
public final class ReadOnlyQuery {

	private ReadOnlyQuery() {
	}

	/** Runs a query and prints its result in the given format. */
	public static void run(Path warehouse, String sql, Format format, PrintWriter out) {
		if (!Files.isRegularFile(warehouse)) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"no warehouse yet at " + warehouse + ": run 'territoire run nightly' first");
		}
		try (DuckDBConnection connection = Warehouses.open(warehouse, true,
				new TerritoireProperties.Warehouse("1GB", 2)); Statement statement = connection.createStatement()) {
			statement.execute("SET enable_external_access = false");
			statement.execute("SET lock_configuration = true");
			try (ResultSet result = statement.executeQuery(sql)) {
				print(result, format, out);
			}
			catch (SQLException ex) {
				throw new TerritoireException(ErrorCode.BAD_QUERY, null, "DuckDB refused the query: " + ex.getMessage(),
						ex);
			}
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot query the warehouse " + warehouse + ": " + ex.getMessage(), ex);
		}
		out.flush();
	}

	private static void print(ResultSet result, Format format, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= columns; i++) {
			names.add(result.getMetaData().getColumnLabel(i));
		}
		List<List<String>> rows = new ArrayList<>();
		while (result.next()) {
			List<String> row = new ArrayList<>();
			for (int i = 1; i <= columns; i++) {
				Object value = result.getObject(i);
				row.add((value != null) ? value.toString() : null);
			}
			rows.add(row);
		}
		switch (format) {
			case CSV -> {
				out.println(String.join(",", names.stream().map(ReadOnlyQuery::csv).toList()));
				rows.forEach((row) -> out.println(String.join(",", row.stream().map(ReadOnlyQuery::csv).toList())));
			}
			case JSON -> {
				JsonMapper mapper = JsonMapper.builder().build();
				var array = mapper.createArrayNode();
				for (List<String> row : rows) {
					ObjectNode node = array.addObject();
					for (int i = 0; i < columns; i++) {
						node.put(names.get(i), row.get(i));
					}
				}
				out.println(mapper.writeValueAsString(array));
			}
			case TABLE -> table(names, rows, out);
		}
	}

	private static void table(List<String> names, List<List<String>> rows, PrintWriter out) {
		int[] widths = new int[names.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = names.get(i).length();
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
			}
		}
		line(names, widths, out);
		StringBuilder rule = new StringBuilder();
		for (int width : widths) {
			rule.append("-".repeat(width)).append("  ");
		}
		out.println(rule.toString().stripTrailing());
		rows.forEach((row) -> line(row.stream().map(String::valueOf).toList(), widths, out));
		out.println("(" + rows.size() + " rows)");
	}

	private static void line(List<String> values, int[] widths, PrintWriter out) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			text.append(String.format("%-" + widths[i] + "s  ", values.get(i)));
		}
		out.println(text.toString().stripTrailing());
	}

	private static String csv(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	/** Output formats. */
	public enum Format {

		TABLE, CSV, JSON

	}

}
