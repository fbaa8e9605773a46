package fr.territoire.mapping;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param sheet the sheet name (xlsx only)
 * @param header how to find the header row (xlsx only)
 * @param columns the header names to keep, all as text in the raw table
 * @param vintage the COG vintage of the source's commune codes, e.g. {@code 2024}
 * @param required whether a run without any matching file fails (true by default)
 * @param maxRejectRate the share of rejected rows above which the run fails (0.05 by
 * default)
 * @param optionalColumns csv only: header names read when the file has them, null
 * otherwise (columns that some layouts of the source lack)
 * @param knownColumns csv only: header names of the source's layouts that are not read;
 * any other header name is an unknown column, kept and reported
 */
public record Mapping(String source, String description, List<String> files, Format format, @Nullable String encoding,
		@Nullable String delimiter, @Nullable String sheet, @Nullable Header header, List<String> columns,
		@Nullable String vintage, @Nullable Boolean required,
		@com.fasterxml.jackson.annotation.JsonProperty("max_reject_rate") @Nullable Double maxRejectRate,
		@com.fasterxml.jackson.annotation.JsonProperty("optional_columns") @Nullable List<String> optionalColumns,
		@com.fasterxml.jackson.annotation.JsonProperty("known_columns") @Nullable List<String> knownColumns) {

	private static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

	public Mapping {
		Objects.requireNonNull(source, "source is required");
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(format, "format is required (csv, json or xlsx)");
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
		Set<String> seen = new HashSet<>();
		for (String column : java.util.stream.Stream.concat(columns.stream(), optionalColumns.stream()).toList()) {
			if (!seen.add(column)) {
				throw new IllegalArgumentException("column '" + column + "' is listed twice");
			}
		}
		if (format == Format.XLSX && (sheet == null || header == null)) {
			throw new IllegalArgumentException("an xlsx mapping needs a sheet and a header (row or contains)");
		}
		if (format != Format.XLSX && (sheet != null || header != null)) {
			throw new IllegalArgumentException("sheet and header apply to xlsx mappings only");
		}
		if (delimiter != null && delimiter.length() != 1) {
			throw new IllegalArgumentException("delimiter must be one character, found '" + delimiter + "'");
		}
		if (maxRejectRate != null && (maxRejectRate < 0 || maxRejectRate > 1)) {
			throw new IllegalArgumentException("max_reject_rate must be between 0 and 1, found " + maxRejectRate);
		}
		files = List.copyOf(files);
		columns = List.copyOf(columns);
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

	public String encodingName() {
		return (this.encoding != null) ? this.encoding : "UTF-8";
	}

	/** The columns of the raw table after the lineage: columns, then optional columns. */
	public List<String> rawColumns() {
		return java.util.stream.Stream.concat(this.columns.stream(), this.optionalColumns.stream()).toList();
	}

	/** The raw table this source is loaded into. */
	public String rawTable() {
		return "raw." + this.source;
	}

	/** Supported file formats. */
	public enum Format {

		CSV, JSON, XLSX;

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
