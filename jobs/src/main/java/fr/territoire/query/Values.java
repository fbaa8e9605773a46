package fr.territoire.query;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Map;
import java.util.Set;

import org.duckdb.DuckDBStruct;

/**
 * The text of a value read from DuckDB, shared by the text printers: numbers in plain
 * decimal form (never {@code 6.780845E7}; a double's integral value without {@code .0}),
 * dates and timestamps in ISO form, lists as {@code [1, 2]}, structs as {@code {'a': 1}},
 * maps as {@code {k=1}}, blobs with {@code \xNN} for bytes that are not printable ASCII.
 * Nulls inside lists, structs and maps print as {@code NULL}.
 */
final class Values {

	private Values() {
	}

	private static final Set<Integer> NUMERIC_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
			Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE);

	private static final Set<String> UNSIGNED_AND_HUGE = Set.of("UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
			"HUGEINT", "UHUGEINT");

	/**
	 * Whether a column holds numbers (printed right-aligned).
	 * @param metadata the result's metadata
	 * @param column the column, from 1
	 * @return whether its SQL type is a number
	 * @throws SQLException when the metadata cannot be read
	 */
	static boolean isNumeric(ResultSetMetaData metadata, int column) throws SQLException {
		return NUMERIC_TYPES.contains(metadata.getColumnType(column))
				|| UNSIGNED_AND_HUGE.contains(metadata.getColumnTypeName(column));
	}

	/**
	 * The text of a value that is not null.
	 * @param value a value from {@code ResultSet.getObject}
	 * @return its text
	 * @throws SQLException when reading a nested value fails
	 */
	static String text(Object value) throws SQLException {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Double number) {
			return decimal(number.isNaN() || number.isInfinite(), number.toString());
		}
		if (value instanceof Float number) {
			return decimal(number.isNaN() || number.isInfinite(), number.toString());
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime().toString();
		}
		if (value instanceof Array array) {
			return list((Object[]) array.getArray());
		}
		if (value instanceof DuckDBStruct struct) {
			return struct(struct.getMap());
		}
		if (value instanceof Struct struct) {
			return list(struct.getAttributes());
		}
		if (value instanceof Map<?, ?> map) {
			return map(map);
		}
		if (value instanceof Blob blob) {
			return blob(blob.getBytes(1, (int) blob.length()));
		}
		return value.toString();
	}

	/** The plain decimal text of a finite double, without a trailing {@code .0}. */
	private static String decimal(boolean special, String text) {
		if (special) {
			return text;
		}
		BigDecimal number = new BigDecimal(text).stripTrailingZeros();
		return (number.signum() == 0) ? "0" : number.toPlainString();
	}

	private static String nested(Object value) throws SQLException {
		return (value != null) ? text(value) : "NULL";
	}

	private static String list(Object[] values) throws SQLException {
		StringBuilder text = new StringBuilder("[");
		for (int i = 0; i < values.length; i++) {
			text.append((i > 0) ? ", " : "").append(nested(values[i]));
		}
		return text.append(']').toString();
	}

	private static String struct(Map<String, Object> fields) throws SQLException {
		StringBuilder text = new StringBuilder("{");
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			text.append((text.length() > 1) ? ", " : "")
				.append('\'')
				.append(field.getKey())
				.append("': ")
				.append(nested(field.getValue()));
		}
		return text.append('}').toString();
	}

	private static String map(Map<?, ?> entries) throws SQLException {
		StringBuilder text = new StringBuilder("{");
		for (Map.Entry<?, ?> entry : entries.entrySet()) {
			text.append((text.length() > 1) ? ", " : "")
				.append(nested(entry.getKey()))
				.append('=')
				.append(nested(entry.getValue()));
		}
		return text.append('}').toString();
	}

	private static String blob(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			if (b >= 0x20 && b < 0x7f && b != '\\') {
				text.append((char) b);
			}
			else {
				text.append(String.format("\\x%02X", b & 0xff));
			}
		}
		return text.toString();
	}

}
