package fr.territoire.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.ingest.xlsx.SheetSelector;
import fr.territoire.ingest.xlsx.UncachedFormula;
import fr.territoire.ingest.xlsx.XlsxReadException;
import fr.territoire.ingest.xlsx.XlsxRow;
import fr.territoire.ingest.xlsx.XlsxSheetReader;
import fr.territoire.mapping.Mapping;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Streams one sheet of a workbook with POI's SAX reader and appends its rows to the raw
 * table: title rows above the header are skipped, columns are bound by header name, and
 * the lineage record is the sheet row number.
 */
final class XlsxRawLoader implements RawLoader {

	private final long evaluationLimit;

	/**
	 * A loader evaluating formulas stored without their result in workbooks up to a size.
	 */
	XlsxRawLoader(long evaluationLimit) {
		this.evaluationLimit = evaluationLimit;
	}

	@Override
	public long load(DuckDBConnection connection, Mapping mapping, InputFile file) {
		String sheet = mapping.sheetLabel();
		Mapping.Header header = java.util.Objects.requireNonNull(mapping.header());
		String table = mapping.rawRowsTable().substring("raw.".length());
		try (DuckDBAppender appender = connection.createAppender("raw", table)) {
			SheetRows rows = new SheetRows(mapping, header, file, appender);
			XlsxSheetReader.read(
					file.path(), (mapping.sheetPosition() != null)
							? new SheetSelector.ByPosition(mapping.sheetPosition()) : new SheetSelector.ByName(sheet),
					this.evaluationLimit, rows::accept);
			rows.finish();
			appender.flush();
			RawTable.refreshView(connection, mapping);
			return rows.count;
		}
		catch (XlsxReadException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT,
					new Location(file.name(), sheet, null, null, null), ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, Location.file(file.name()),
					"cannot append rows to " + mapping.rawTable() + ": " + ex.getMessage(), ex);
		}
	}

	/** Finds the header, then appends every later row. */
	private static final class SheetRows {

		private final Mapping mapping;

		private final Mapping.Header header;

		private final InputFile file;

		private final DuckDBAppender appender;

		private @Nullable int[] positions;

		private long count;

		SheetRows(Mapping mapping, Mapping.Header header, InputFile file, DuckDBAppender appender) {
			this.mapping = mapping;
			this.header = header;
			this.file = file;
			this.appender = appender;
		}

		void accept(XlsxRow row) {
			if (this.positions == null) {
				if (isHeader(row)) {
					this.positions = positions(row);
				}
				return;
			}
			refuseUnknownValues(row);
			try {
				this.appender.beginRow();
				this.appender.append(this.file.name());
				this.appender.append((long) row.rowNumber());
				for (int position : this.positions) {
					String value = (position < row.cells().size()) ? row.cells().get(position) : "";
					if (value.isEmpty()) {
						this.appender.appendNull();
					}
					else {
						this.appender.append(value);
					}
				}
				this.appender.endRow();
				this.count++;
			}
			catch (SQLException ex) {
				throw new TerritoireException(ErrorCode.WAREHOUSE,
						new Location(this.file.name(), this.mapping.sheetLabel(), (long) row.rowNumber(), null, null),
						"cannot append the row: " + ex.getMessage(), ex);
			}
		}

		/**
		 * A formula of a read column stored without its result and not evaluated: the
		 * value is unknown, so the file is refused rather than read as empty.
		 */
		private void refuseUnknownValues(XlsxRow row) {
			for (UncachedFormula formula : row.uncachedFormulas()) {
				for (int i = 0; i < this.positions.length; i++) {
					if (this.positions[i] == formula.column()) {
						String column = this.mapping.headers().get(i);
						throw new TerritoireException(ErrorCode.UNREADABLE_INPUT,
								new Location(this.file.name(), this.mapping.sheetLabel(), (long) row.rowNumber(),
										column, "=" + formula.formula()),
								"cell " + formula.cell() + " holds the formula =" + formula.formula()
										+ " stored without its result, and it was not evaluated: " + formula.reason()
										+ "; open and save the workbook in a spreadsheet program to store the results, "
										+ "or raise territoire.ingest.formula-evaluation-limit");
					}
				}
			}
		}

		void finish() {
			if (this.positions == null) {
				String expected = (this.header.row() != null) ? "at row " + this.header.row()
						: "containing " + this.header.contains();
				throw new TerritoireException(ErrorCode.MISSING_COLUMN,
						new Location(this.file.name(), this.mapping.sheetLabel(), null, null, null),
						"no header row " + expected + " was found");
			}
		}

		private boolean isHeader(XlsxRow row) {
			if (this.header.row() != null) {
				return row.rowNumber() == this.header.row();
			}
			List<String> cells = normalised(row.cells());
			return normalised(java.util.Objects.requireNonNull(this.header.contains())).stream()
				.allMatch(cells::contains);
		}

		private int[] positions(XlsxRow row) {
			List<String> cells = normalised(row.cells());
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < cells.size(); i++) {
				index.putIfAbsent(cells.get(i), i);
			}
			List<String> headers = this.mapping.headers();
			int[] result = new int[headers.size()];
			for (int i = 0; i < result.length; i++) {
				String column = headers.get(i);
				Integer position = index.get(normalise(column));
				if (position == null) {
					throw new TerritoireException(ErrorCode.MISSING_COLUMN,
							new Location(this.file.name(), this.mapping.sheetLabel(), (long) row.rowNumber(), column,
									null),
							"the header lacks the column '" + column + "' declared by mapping " + this.mapping.source()
									+ "; header found: " + row.cells());
				}
				result[i] = position;
			}
			return result;
		}

		private static List<String> normalised(List<String> values) {
			List<String> result = new ArrayList<>(values.size());
			values.forEach((value) -> result.add(normalise(value)));
			return result;
		}

		/** Header cells often hold line breaks and double spaces. */
		private static String normalise(String value) {
			return value.replaceAll("\\s+", " ").strip();
		}

	}

}
