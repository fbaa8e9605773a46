package fr.territoire.query;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.Map;

import org.duckdb.DuckDBStruct;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON array of objects, one per row and one line each, streamed with Jackson's
 * generator in constant memory. Values keep their SQL type: integers, decimals (exact)
 * and finite doubles are JSON numbers, booleans and null are JSON's, lists and arrays are
 * JSON arrays, structs and maps are objects; dates, times, timestamps, UUIDs and every
 * other type are strings in ISO or DuckDB's text form (see {@link Values}), as are NaN
 * and infinite doubles, which JSON cannot represent.
 */
final class JsonPrinter implements ResultPrinter {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.rootValueSeparator(",\n")
		.build();

	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		String[] names = new String[columns];
		for (int i = 1; i <= columns; i++) {
			names[i - 1] = result.getMetaData().getColumnLabel(i);
		}
		long rows = 0;
		try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeRaw('[');
			while (result.next()) {
				if (rows == 0) {
					json.writeRaw('\n');
				}
				json.writeStartObject();
				for (int i = 1; i <= columns; i++) {
					json.writeName(names[i - 1]);
					write(json, result.getObject(i));
				}
				json.writeEndObject();
				rows++;
			}
			json.writeRaw((rows > 0) ? "\n]\n" : "]\n");
		}
		return rows;
	}

	private static void write(JsonGenerator json, Object value) throws SQLException {
		if (value == null) {
			json.writeNull();
		}
		else if (value instanceof Boolean bool) {
			json.writeBoolean(bool);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			json.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof BigInteger number) {
			json.writeNumber(number);
		}
		else if (value instanceof BigDecimal number) {
			json.writeNumber(number.toPlainString());
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				json.writeString(Values.text(value));
			}
			else {
				json.writeNumber(Values.text(value));
			}
		}
		else if (value instanceof Array array) {
			json.writeStartArray();
			for (Object element : (Object[]) array.getArray()) {
				write(json, element);
			}
			json.writeEndArray();
		}
		else if (value instanceof DuckDBStruct struct) {
			json.writeStartObject();
			for (Map.Entry<String, Object> field : struct.getMap().entrySet()) {
				json.writeName(field.getKey());
				write(json, field.getValue());
			}
			json.writeEndObject();
		}
		else if (value instanceof Struct struct) {
			json.writeStartArray();
			for (Object attribute : struct.getAttributes()) {
				write(json, attribute);
			}
			json.writeEndArray();
		}
		else if (value instanceof Map<?, ?> map) {
			json.writeStartObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.writeName((entry.getKey() != null) ? Values.text(entry.getKey()) : "NULL");
				write(json, entry.getValue());
			}
			json.writeEndObject();
		}
		else {
			json.writeString(Values.text(value));
		}
	}

}
