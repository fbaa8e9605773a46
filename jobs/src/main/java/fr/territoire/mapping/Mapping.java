package fr.territoire.mapping;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import fr.territoire.config.GeographyDeclaration;
import org.jspecify.annotations.Nullable;

/**
 * How a raw input file becomes a {@code raw.<source>} table: which files, which format,
 * which columns (bound by header name, never by position). Loaded from
 * {@code mappings/<source>.yaml}.
 *
 * @param source the source name, also the raw table name
 * @param description what the source is
 * @param files glob patterns, relative to the inbox
 * @param format the file format
 * @param encoding the text encoding (csv only; UTF-8 by default)
 * @param delimiter the field delimiter (csv only; comma by default)
 * @param quote the quote character (csv only; {@code "} by default)
 * @param decimal the decimal separator of decimal columns: {@code .} (default), {@code ,}
 * or {@code auto} (either, as in files mixing both)
 * @param nullMarkers values meaning "no value" in every column, besides the empty text
 * (e.g. {@code s}, {@code nd}, {@code [ND]}, {@code NA})
 * @param sheet the sheet name (xlsx only)
 * @param sheetPosition the 1-based sheet position, instead of its name (xlsx only)
 * @param header how to find the header row (xlsx only)
 * @param target the staging table the mapping fills; when given, the staging model is
 * generated from the columns' types, transformations and rules
 * @param columns the columns, bound by header name
 * @param vintage the COG vintage of the source's commune codes, e.g. {@code 2024}
 * @param required whether a run without any matching file fails (true by default)
 * @param maxRejectRate the share of rejected rows above which the run fails (0.05 by
 * default)
 * @param optionalColumns csv only: header names read when the file has them, null
 * otherwise (columns that some layouts of the source lack)
 * @param knownColumns csv only: header names of the source's layouts that are not read;
 * any other header name is an unknown column, kept and reported
 * @param geography the staged column holding commune codes (and optionally an amount and
 * its unit): the source is then harmonised to the target COG vintage; needs a target
 * @param partner the partner who sends the files ({@code partners/<id>.yaml}), if any:
 * the release credits it and it gets a return file after each run
 */
public record Mapping(String source, String description, List<String> files, Format format, @Nullable String encoding,
		@Nullable String delimiter, @Nullable String quote, @Nullable String decimal,
		@com.fasterxml.jackson.annotation.JsonProperty("null_markers") @Nullable List<String> nullMarkers,
		@Nullable String sheet,
		@com.fasterxml.jackson.annotation.JsonProperty("sheet_position") @Nullable Integer sheetPosition,
		@Nullable Header header, @Nullable Target target, List<Column> columns, @Nullable String vintage,
		@Nullable Boolean required,
		@com.fasterxml.jackson.annotation.JsonProperty("max_reject_rate") @Nullable Double maxRejectRate,
		@com.fasterxml.jackson.annotation.JsonProperty("optional_columns") @Nullable List<String> optionalColumns,
		@com.fasterxml.jackson.annotation.JsonProperty("known_columns") @Nullable List<String> knownColumns,
		@Nullable GeographyDeclaration geography, @Nullable String partner) {

	private static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

	public Mapping {
		Objects.requireNonNull(source, "source is required");
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(format, "format is required (csv, json, xlsx or parquet)");
		if (!SOURCE_NAME.matcher(source).matches()) {
			throw new IllegalArgumentException("source '" + source
					+ "' must be lower-case letters, digits and underscores, starting with a letter");
		}
		if (files == null || files.isEmpty()) {
			throw new IllegalArgumentException("files must list at least one glob pattern");
		}
		if (columns == null || columns.isEmpty()) {
			throw new IllegalArgumentException("columns must list at least one header name");
		}
		optionalColumns = (optionalColumns != null) ? List.copyOf(optionalColumns) : List.of();
		knownColumns = (knownColumns != null) ? List.copyOf(knownColumns) : List.of();
		if (format != Format.CSV && (!optionalColumns.isEmpty() || !knownColumns.isEmpty())) {
			throw new IllegalArgumentException("optional_columns and known_columns apply to csv mappings only");
		}
		if (target != null && !optionalColumns.isEmpty()) {
			throw new IllegalArgumentException(
					"optional_columns apply to mappings with a hand-written staging model (no target)");
		}
		Set<String> seen = new HashSet<>(optionalColumns);
		if (seen.size() != optionalColumns.size()) {
			throw new IllegalArgumentException("an optional column is listed twice");
		}
		Set<String> targets = new HashSet<>();
		for (Column column : columns) {
			if (column.name() != null && !seen.add(column.name())) {
				throw new IllegalArgumentException("column '" + column.name() + "' is listed twice");
			}
			if (!targets.add(column.targetName())) {
				throw new IllegalArgumentException("two columns have the target '" + column.targetName() + "'");
			}
			if (target == null && (column.type() != null || !column.rules().isEmpty() || !column.transform().isEmpty()
					|| column.concat() != null || column.fromFile() != null || column.target() != null)) {
				throw new IllegalArgumentException("column '" + column.shownName()
						+ "' has a target, type, transform, rules, concat or from_file: these need a 'target' table "
						+ "for the mapping (or a hand-written staging model and plain header names)");
			}
		}
		if (target != null) {
			for (String key : target.key()) {
				if (!targets.contains(key)) {
					throw new IllegalArgumentException("target.key names '" + key + "', which is not a column target");
				}
			}
		}
		if (geography != null) {
			checkGeography(geography, target, columns);
		}
		if (format == Format.XLSX && ((sheet == null) == (sheetPosition == null) || header == null)) {
			throw new IllegalArgumentException(
					"an xlsx mapping needs a sheet (or sheet_position, not both) and a header (row or contains)");
		}
		if (format != Format.XLSX && (sheet != null || sheetPosition != null || header != null)) {
			throw new IllegalArgumentException("sheet, sheet_position and header apply to xlsx mappings only");
		}
		if (sheetPosition != null && sheetPosition < 1) {
			throw new IllegalArgumentException("sheet_position is 1 for the first sheet, found " + sheetPosition);
		}
		if (quote != null && quote.length() != 1) {
			throw new IllegalArgumentException("quote must be one character, found '" + quote + "'");
		}
		if (decimal != null && !List.of(".", ",", "auto").contains(decimal)) {
			throw new IllegalArgumentException("decimal must be \".\", \",\" or auto, found '" + decimal + "'");
		}
		if (delimiter != null && delimiter.length() != 1) {
			throw new IllegalArgumentException("delimiter must be one character, found '" + delimiter + "'");
		}
		if (maxRejectRate != null && (maxRejectRate < 0 || maxRejectRate > 1)) {
			throw new IllegalArgumentException("max_reject_rate must be between 0 and 1, found " + maxRejectRate);
		}
		files = List.copyOf(files);
		columns = List.copyOf(columns);
		nullMarkers = (nullMarkers != null) ? List.copyOf(nullMarkers) : List.of();
	}

	/** A mapping sent by no partner. */
	public Mapping(String source, String description, List<String> files, Format format, @Nullable String encoding,
			@Nullable String delimiter, @Nullable String quote, @Nullable String decimal,
			@Nullable List<String> nullMarkers, @Nullable String sheet, @Nullable Integer sheetPosition,
			@Nullable Header header, @Nullable Target target, List<Column> columns, @Nullable String vintage,
			@Nullable Boolean required, @Nullable Double maxRejectRate, @Nullable List<String> optionalColumns,
			@Nullable List<String> knownColumns, @Nullable GeographyDeclaration geography) {
		this(source, description, files, format, encoding, delimiter, quote, decimal, nullMarkers, sheet, sheetPosition,
				header, target, columns, vintage, required, maxRejectRate, optionalColumns, knownColumns, geography,
				null);
	}

	private static void checkGeography(GeographyDeclaration geography, @Nullable Target target, List<Column> columns) {
		if (target == null) {
			throw new IllegalArgumentException("geography needs a target table: with a hand-written staging model, "
					+ "declare geography in the model's YAML (warehouse/models/staging/*.yaml)");
		}
		List<String> names = columns.stream().map(Column::targetName).toList();
		if (!names.contains(geography.commune())) {
			throw new IllegalArgumentException("geography.commune names '" + geography.commune()
					+ "', which is not a column target; column targets: " + String.join(", ", names));
		}
		if (geography.amount() != null) {
			Column amount = columns.stream()
				.filter((column) -> column.targetName().equals(geography.amount()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("geography.amount names '" + geography.amount()
						+ "', which is not a column target; column targets: " + String.join(", ", names)));
			if (amount.type() != ColumnType.INTEGER && amount.type() != ColumnType.DECIMAL) {
				throw new IllegalArgumentException("geography.amount names '" + geography.amount()
						+ "', which is not an integer or decimal column: it is summed");
			}
		}
	}

	/** Whether a run without any matching file fails. */
	public boolean isRequired() {
		return this.required == null || this.required;
	}

	/** The share of rejected rows above which the run fails. */
	public double rejectThreshold() {
		return (this.maxRejectRate != null) ? this.maxRejectRate : 0.05;
	}

	public char delimiterChar() {
		return (this.delimiter != null) ? this.delimiter.charAt(0) : ',';
	}

	public char quoteChar() {
		return (this.quote != null) ? this.quote.charAt(0) : '"';
	}

	/** The decimal separator: {@code .}, {@code ,} or {@code auto}. */
	public String decimalSeparator() {
		return (this.decimal != null) ? this.decimal : ".";
	}

	/** The sheet as named in messages: its name, or {@code #position}. */
	public String sheetLabel() {
		return (this.sheet != null) ? this.sheet : "#" + this.sheetPosition;
	}

	/** The header names read from the files, in order, each once. */
	public List<String> headers() {
		return this.columns.stream().flatMap((column) -> column.headers().stream()).distinct().toList();
	}

	/**
	 * The columns of the raw table after the lineage: the header names read, then the
	 * optional columns.
	 */
	public List<String> rawColumns() {
		return java.util.stream.Stream.concat(headers().stream(), this.optionalColumns.stream()).distinct().toList();
	}

	/** Whether the staging model is generated from the mapping. */
	public boolean isDeclarative() {
		return this.target != null;
	}

	public String encodingName() {
		return (this.encoding != null) ? this.encoding : "UTF-8";
	}

	/**
	 * The raw rows of this source as every reader sees them: a view over
	 * {@link #rawRowsTable()} giving each row its record number.
	 */
	public String rawTable() {
		return "raw." + this.source;
	}

	/** The table the loaders append this source's rows to. */
	public String rawRowsTable() {
		return "raw." + this.source + "__rows";
	}

	/** Supported file formats. */
	public enum Format {

		CSV, JSON, XLSX, PARQUET;

		@com.fasterxml.jackson.annotation.JsonCreator
		static Format parse(String text) {
			return Format.valueOf(text.toUpperCase(java.util.Locale.ROOT));
		}

	}

	/**
	 * Where the header of a sheet is.
	 *
	 * @param row a fixed 1-based row number
	 * @param contains the header is the first row holding all these values (below title
	 * rows)
	 */
	public record Header(@Nullable Integer row, @Nullable List<String> contains) {

		public Header {
			if ((row == null) == (contains == null || contains.isEmpty())) {
				throw new IllegalArgumentException("header needs exactly one of row or contains");
			}
			if (row != null && row < 1) {
				throw new IllegalArgumentException("header row must be 1 or more");
			}
		}

	}

}
