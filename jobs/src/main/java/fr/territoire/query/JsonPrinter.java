package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON array of objects, one per row, streamed row by row.
 */
final class JsonPrinter implements ResultPrinter {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		out.print("[");
		long rows = 0;
		while (result.next()) {
			ObjectNode node = MAPPER.createObjectNode();
			for (int i = 1; i <= columns; i++) {
				Object value = result.getObject(i);
				node.put(result.getMetaData().getColumnLabel(i), (value != null) ? value.toString() : null);
			}
			out.print(((rows > 0) ? ",\n" : "\n") + MAPPER.writeValueAsString(node));
			rows++;
		}
		out.println((rows > 0) ? "\n]" : "]");
		return rows;
	}

}
