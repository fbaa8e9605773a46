package fr.territoire.normalise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.territoire.mapping.Column;
import fr.territoire.mapping.ColumnType;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.Rule;
import fr.territoire.mapping.Transform;
import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import org.jspecify.annotations.Nullable;

/**
 * Generates the staging model of a declarative mapping: one SELECT that returns every raw
 * row once, with its columns cleaned (trim, null markers, transformations), typed, and a
 * {@code reject} struct naming the first rule the row breaks (null for valid rows). Later
 * rows repeating the key of a valid row are found afterwards, by {@link #duplicateRows}.
 */
public final class StagingSql {

	private static final String TRUE_WORDS = "'true', '1', 'oui', 'o', 'yes', 'y', 'vrai', 'x'";

	private static final String FALSE_WORDS = "'false', '0', 'non', 'n', 'no', 'faux'";

	private StagingSql() {
	}

	/** The generated model of a declarative mapping. */
	public static SqlModel model(Mapping mapping) {
		if (mapping.target() == null) {
			throw new IllegalArgumentException("mapping " + mapping.source() + " has no target table");
		}
		String table = mapping.target().table();
		List<ModelSpec.Column> columns = new ArrayList<>();
		columns.add(new ModelSpec.Column("_file", "input file, as named in the inbox (lineage)"));
		columns.add(new ModelSpec.Column("_record", "data record of a text file, or sheet row of a workbook"));
		for (Column column : mapping.columns()) {
			columns.add(new ModelSpec.Column(column.targetName(),
					(column.description() != null) ? column.description() : "from " + describeSource(column)));
		}
		ModelSpec spec = new ModelSpec(mapping.description(), "one row per valid input row"
				+ (mapping.target().key().isEmpty() ? "" : ", unique by " + String.join(", ", mapping.target().key())),
				mapping.source(), List.of(), columns);
		return new SqlModel(SqlModel.Layer.STAGING, table, sql(mapping), spec);
	}

	/**
	 * The later rows repeating the key of an earlier valid row of the staging table
	 * (earlier by file, then record), with their key as text; null when the mapping has
	 * no key. Run once the table holds its valid rows only: a hash aggregation finds the
	 * repeated keys, much cheaper than a window sorting every row.
	 */
	public static @Nullable String duplicateRows(Mapping mapping, String table) {
		List<String> key = (mapping.target() != null) ? mapping.target().key() : List.of();
		if (key.isEmpty()) {
			return null;
		}
		String keyColumns = key.stream().map(Sql::identifier).collect(Collectors.joining(", "));
		String join = key.stream()
			.map((name) -> "s." + Sql.identifier(name) + " IS NOT DISTINCT FROM d." + Sql.identifier(name))
			.collect(Collectors.joining(" AND "));
		String keyText = key.stream()
			.map((name) -> "coalesce(cast(s." + Sql.identifier(name) + " as varchar), '')")
			.collect(Collectors.joining(" || '|' || "));
		return "SELECT s._file, s._record, " + keyText + " AS value FROM " + table + " s JOIN (SELECT " + keyColumns
				+ ", min({'f': _file, 'r': _record}) AS first FROM " + table + " GROUP BY " + keyColumns
				+ " HAVING count(*) > 1) d ON " + join + " WHERE {'f': s._file, 'r': s._record} <> d.first";
	}

	/** The message of a duplicate key. */
	public static String duplicateMessage(Mapping mapping) {
		return "a valid row with the same " + String.join(", ", mapping.target().key()) + " came before";
	}

	/** The tables the mapping's reference rules read, which must be built before it. */
	public static Set<String> references(Mapping mapping) {
		Set<String> tables = new LinkedHashSet<>();
		for (Column column : mapping.columns()) {
			for (Rule rule : column.rules()) {
				if (rule.kind() == Rule.Kind.REFERENCE) {
					tables.add(rule.reference().table());
				}
			}
		}
		return tables;
	}

	/** The generated SELECT. */
	public static String sql(Mapping mapping) {
		List<Column> columns = mapping.columns();
		String unmarked = columns.stream()
			.map((column) -> "        " + original(column) + " AS " + raw(column) + ",\n        "
					+ unmarked(mapping, column) + " AS " + text(column))
			.collect(Collectors.joining(",\n"));
		String typed = columns.stream()
			.map((column) -> "        " + typed(mapping, column) + " AS " + Sql.identifier(column.targetName()))
			.collect(Collectors.joining(",\n"));
		List<String> checks = new ArrayList<>();
		for (Column column : columns) {
			checks.addAll(checks(column));
		}
		String targets = columns.stream()
			.map((column) -> Sql.identifier(column.targetName()))
			.collect(Collectors.joining(", "));
		StringBuilder sql = new StringBuilder();
		sql.append("-- Generated from mappings/").append(mapping.source()).append(".yaml: do not edit.\n");
		sql.append("with source as (\n    select * from ").append(mapping.rawTable()).append("\n),\n\n");
		sql.append("step_0 as (\n    select\n        _file,\n        _record,\n")
			.append(unmarked)
			.append("\n    from source\n),\n\n");
		int steps = columns.stream().mapToInt((column) -> column.transform().size()).max().orElse(0);
		for (int step = 1; step <= steps; step++) {
			int index = step - 1;
			List<String> replaced = columns.stream()
				.filter((column) -> column.transform().size() > index)
				.map((column) -> apply(column.transform().get(index), text(column)) + " AS " + text(column))
				.toList();
			sql.append("step_")
				.append(step)
				.append(" as (\n    select * replace (\n        ")
				.append(String.join(",\n        ", replaced))
				.append("\n    )\n    from step_")
				.append(index)
				.append("\n),\n\n");
		}
		String cleaned = columns.stream()
			.map((column) -> "nullif(" + text(column) + ", '') AS " + text(column))
			.collect(Collectors.joining(",\n        "));
		sql.append("cleaned as (\n    select * replace (\n        ")
			.append(cleaned)
			.append("\n    )\n    from step_")
			.append(steps)
			.append("\n),\n\n");
		sql.append("typed as (\n    select\n        *,\n").append(typed).append("\n    from cleaned\n),\n\n");
		sql.append("checked as (\n    select\n        *,\n        case\n");
		checks.forEach((check) -> sql.append(check).append('\n'));
		sql.append("        end as reject\n    from typed\n),\n\n");
		sql.append("final as (\n    select\n        _file,\n        _record,\n        ").append(targets).append(",\n");
		sql.append("        reject\n");
		sql.append("    from checked\n)\n\nselect * from final");
		return sql.toString();
	}

	/** The value as the file holds it, reported in rejects. */
	private static String original(Column column) {
		if (column.fromFile() != null) {
			return "_file";
		}
		if (column.concat() != null) {
			return "concat_ws(' + ', " + column.concat().stream().map(Sql::identifier).collect(Collectors.joining(", "))
					+ ")";
		}
		return Sql.identifier(column.name());
	}

	private static String raw(Column column) {
		return Sql.identifier("_raw_" + column.targetName());
	}

	/** The trimmed text of a column, null for the empty text and null markers. */
	private static String unmarked(Mapping mapping, Column column) {
		String value;
		if (column.fromFile() != null) {
			value = "regexp_extract(_file, " + Sql.literal(column.fromFile()) + ", 1)";
		}
		else if (column.concat() != null) {
			List<String> parts = column.concat()
				.stream()
				.map((header) -> "trim(" + Sql.identifier(header) + ")")
				.toList();
			String separator = Sql.literal((column.separator() != null) ? column.separator() : "");
			String anyMissing = parts.stream()
				.map((part) -> "nullif(" + part + ", '') is null")
				.collect(Collectors.joining(" or "));
			value = "case when " + anyMissing + " then null else concat_ws(" + separator + ", "
					+ String.join(", ", parts) + ") end";
		}
		else {
			value = "trim(" + Sql.identifier(column.name()) + ")";
		}
		Set<String> markers = new LinkedHashSet<>(mapping.nullMarkers());
		markers.addAll(column.nullMarkers());
		markers.add("");
		String markerList = markers.stream().map(Sql::literal).collect(Collectors.joining(", "));
		return "case when " + value + " in (" + markerList + ") then null else " + value + " end";
	}

	private static String apply(Transform transform, String value) {
		return switch (transform.kind()) {
			case TRIM -> "trim(" + value + ")";
			case UPPER -> "upper(" + value + ")";
			case LOWER -> "lower(" + value + ")";
			case REMOVE_SPACES -> "regexp_replace(" + value + ", '[\\s\\x{00A0}\\x{202F}]', '', 'g')";
			case DECIMAL_COMMA -> "replace(" + value + ", ',', '.')";
			case LEFT_PAD -> {
				String with = String.valueOf(transform.options().getOrDefault("with", "0"));
				int length = (Integer) transform.options().get("length");
				yield "case when length(" + value + ") < " + length + " then lpad(" + value + ", " + length + ", "
						+ Sql.literal(with) + ") else " + value + " end";
			}
			case REPLACE -> "replace(" + value + ", " + Sql.literal(transform.text("from")) + ", "
					+ Sql.literal(transform.text("to")) + ")";
			case REGEX_REPLACE -> "regexp_replace(" + value + ", " + Sql.literal(transform.text("pattern")) + ", "
					+ Sql.literal(transform.text("with")) + ")";
			case EXTRACT -> {
				Object group = transform.options().getOrDefault("group", 1);
				yield "coalesce(nullif(regexp_extract(" + value + ", " + Sql.literal(transform.text("pattern")) + ", "
						+ group + "), ''), " + value + ")";
			}
			case MAP -> {
				StringBuilder sql = new StringBuilder("case " + value);
				for (Map.Entry<String, Object> entry : transform.options().entrySet()) {
					sql.append(" when ")
						.append(Sql.literal(entry.getKey()))
						.append(" then ")
						.append(Sql.literal(String.valueOf(entry.getValue())));
				}
				yield sql.append(" else ").append(value).append(" end").toString();
			}
		};
	}

	/** The typed value of a column, null when its text does not convert. */
	private static String typed(Mapping mapping, Column column) {
		String text = text(column);
		return switch (column.columnType()) {
			case TEXT, CODE -> text;
			// try_cast rounds 12.5 to 13: only whole numbers (12 or 12.0) convert
			case INTEGER -> "case when contains(" + text + ", '.') then (case when regexp_full_match(" + text
					+ ", '[+-]?[0-9]{1,18}\\.0*') then cast(split_part(" + text
					+ ", '.', 1) as bigint) end) else try_cast(" + text + " as bigint) end";
			case DECIMAL -> {
				String number = switch (mapping.decimalSeparator()) {
					case "," -> "replace(" + text + ", ',', '.')";
					case "auto" -> "case when contains(" + text + ", '.') then " + text + " else replace(" + text
							+ ", ',', '.') end";
					default -> text;
				};
				yield "case when isfinite(try_cast(" + number + " as double)) then try_cast(" + number
						+ " as double) end";
			}
			case DATE -> date(column, text);
			case BOOLEAN -> "case when lower(" + text + ") in (" + TRUE_WORDS + ") then true when lower(" + text
					+ ") in (" + FALSE_WORDS + ") then false end";
		};
	}

	private static String date(Column column, String text) {
		List<String> formats = (column.format() != null) ? column.format() : List.of("%Y-%m-%d");
		List<String> parts = new ArrayList<>();
		List<String> patterns = formats.stream().filter((format) -> !format.equals("excel")).toList();
		if (!patterns.isEmpty()) {
			parts.add("cast(try_strptime(" + text + ", ["
					+ patterns.stream().map(Sql::literal).collect(Collectors.joining(", ")) + "]) as date)");
		}
		if (formats.contains("excel")) {
			parts.add("case when regexp_full_match(" + text + ", '[0-9]{1,6}(\\.0+)?') then date '1899-12-30' + "
					+ "cast(split_part(" + text + ", '.', 1) as integer) end");
		}
		return (parts.size() == 1) ? parts.get(0) : "coalesce(" + String.join(", ", parts) + ")";
	}

	/** The CASE branches that reject a row because of this column. */
	private static List<String> checks(Column column) {
		List<String> checks = new ArrayList<>();
		String text = text(column);
		String typed = Sql.identifier(column.targetName());
		String shown = column.shownName();
		for (Rule rule : column.rules()) {
			if (rule.kind() == Rule.Kind.REQUIRED) {
				checks.add(branch(text + " is null", "required", shown, "null",
						shown + " is required (empty or a null marker)"));
			}
		}
		if (column.columnType() != ColumnType.TEXT && column.columnType() != ColumnType.CODE) {
			String type = column.columnType().name().toLowerCase(Locale.ROOT);
			checks.add(branch(text + " is not null and " + typed + " is null", type, shown, raw(column),
					shown + " must be a " + describeType(column)));
		}
		for (Rule rule : column.rules()) {
			String condition = switch (rule.kind()) {
				case REQUIRED -> null;
				case PATTERN -> "not regexp_full_match(" + text + ", " + Sql.literal((String) rule.value()) + ")";
				case ALLOWED -> text + " not in ("
						+ rule.allowedValues().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
				case MIN -> typed + " < " + bound(column, rule.value());
				case MAX -> typed + " > " + bound(column, rule.value());
				case SIREN -> "not siren_is_valid(" + text + ")";
				case SIRET -> "not siret_is_valid(" + text + ")";
				case COMMUNE_CODE -> "not commune_code_is_valid(" + text + ")";
				case DEPARTEMENT_CODE -> "not departement_code_is_valid(" + text + ")";
				case REFERENCE -> "not exists (select 1 from " + rule.reference().table() + " r where r."
						+ Sql.identifier(rule.reference().column()) + " = " + text + ")";
			};
			if (condition != null) {
				checks.add(branch(text + " is not null and " + condition, rule.kind().yamlName(), shown, raw(column),
						message(shown, rule)));
			}
		}
		return checks;
	}

	private static String message(String shown, Rule rule) {
		return switch (rule.kind()) {
			case REQUIRED -> shown + " is required";
			case PATTERN -> shown + " must match " + rule.value();
			case ALLOWED -> shown + " must be one of " + String.join(", ", rule.allowedValues());
			case MIN -> shown + " must be at least " + rule.value();
			case MAX -> shown + " must be at most " + rule.value();
			case SIREN -> shown + " must be a SIREN: 9 digits with a valid Luhn key";
			case SIRET ->
				shown + " must be a SIRET: 14 digits with a valid Luhn key (La Poste: digit sum " + "multiple of 5)";
			case COMMUNE_CODE -> shown + " must be a commune code: 5 digits, or 2A/2B and 3 digits";
			case DEPARTEMENT_CODE -> shown + " must be a département code: 2 digits, 2A/2B or 97x";
			case REFERENCE -> shown + " must exist in " + rule.reference().table() + "." + rule.reference().column();
		};
	}

	private static String bound(Column column, Object value) {
		if (column.columnType() == ColumnType.DATE) {
			return "date " + Sql.literal(String.valueOf(value));
		}
		if (!(value instanceof Number)) {
			throw new IllegalArgumentException(
					"min/max of number column " + column.targetName() + " must be a number, found " + value);
		}
		return String.valueOf(value);
	}

	private static String branch(String condition, String rule, String column, String value, String message) {
		return "            when " + condition + "\n                then {'rule': " + Sql.literal(rule)
				+ ", 'column_name': " + Sql.literal(column) + ", 'value': " + value + ", 'message': "
				+ Sql.literal(message) + "}";
	}

	private static String describeType(Column column) {
		return switch (column.columnType()) {
			case INTEGER -> "whole number";
			case DECIMAL -> "decimal number";
			case DATE ->
				"date (" + String.join(" or ", (column.format() != null) ? column.format() : List.of("%Y-%m-%d")) + ")";
			case BOOLEAN -> "yes/no value (true/false, oui/non, 1/0)";
			case TEXT, CODE -> "text";
		};
	}

	private static String text(Column column) {
		return Sql.identifier("_text_" + column.targetName());
	}

	private static String describeSource(Column column) {
		if (column.concat() != null) {
			return "concatenation of " + String.join(" + ", column.concat());
		}
		if (column.fromFile() != null) {
			return "the file name (" + column.fromFile() + ")";
		}
		return "column " + column.name();
	}

}
