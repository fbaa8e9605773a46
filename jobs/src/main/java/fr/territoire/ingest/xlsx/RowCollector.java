package fr.territoire.ingest.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

/**
 * Gathers the cells that {@code XSSFSheetXMLHandler} reports into {@link XlsxRow}s and
 * hands every non-empty row to the consumer. Cells come as text already formatted by
 * {@link PlainValueFormatter}; this class fixes the two cell types POI renders its own
 * way (booleans, errors), using the cell type that {@link CellTypeAwareSheetHandler}
 * reports before each cell.
 */
final class RowCollector implements SheetContentsHandler {

	private static final String POI_ERROR_PREFIX = "ERROR:";

	private static final int LAST_COLUMN_INDEX = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();

	private final Consumer<XlsxRow> consumer;

	private final List<String> cells = new ArrayList<>();

	private String cellType;

	private int nextColumn;

	private final List<UncachedFormula> uncached = new ArrayList<>();

	private FormulaEvaluation evaluation;

	private RuntimeException consumerFailure;

	RowCollector(Consumer<XlsxRow> consumer) {
		this.consumer = Objects.requireNonNull(consumer, "consumer is null");
	}

	/** Where formulas stored without their result are evaluated. */
	void evaluateWith(FormulaEvaluation evaluation) {
		this.evaluation = evaluation;
	}

	/**
	 * Called at the end of a formula cell that has no cached value: evaluates it, or
	 * records it as unknown with the reason.
	 */
	void formulaWithoutValue(String cellReference, String formula) {
		int column = cellReference == null ? nextColumn : columnIndex(cellReference);
		String value = (evaluation != null && cellReference != null) ? evaluation.evaluate(cellReference) : null;
		if (value != null) {
			cellType = null;
			cell(cellReference, value, null);
			return;
		}
		String text = formula.isEmpty() && evaluation != null ? evaluation.formulaOf(cellReference) : formula;
		uncached.add(new UncachedFormula(cellReference == null ? "column " + (column + 1) : cellReference, column, text,
				evaluation == null ? "no formula evaluation" : evaluation.reason()));
		nextColumn = column + 1;
	}

	/**
	 * Called at each {@code <c>} element with its {@code t} attribute (null for a
	 * number).
	 */
	void startCell(String type) {
		cellType = type;
	}

	/**
	 * Returns what the consumer threw, if it did, so that it reaches the caller
	 * unchanged.
	 */
	RuntimeException consumerFailure() {
		return consumerFailure;
	}

	@Override
	public void startRow(int rowIndex) {
		cells.clear();
		uncached.clear();
		nextColumn = 0;
	}

	@Override
	public void cell(String cellReference, String formattedValue, XSSFComment comment) {
		int column = cellReference == null ? nextColumn : columnIndex(cellReference);
		if (column > LAST_COLUMN_INDEX) {
			throw new IllegalStateException("cell reference beyond the last Excel column: " + cellReference);
		}
		while (cells.size() <= column) {
			cells.add("");
		}
		cells.set(column, textOf(formattedValue));
		nextColumn = column + 1;
	}

	@Override
	public void endRow(int rowIndex) {
		int size = cells.size();
		while (size > 0 && cells.get(size - 1).isEmpty()) {
			size--;
		}
		if (size == 0 && uncached.isEmpty()) {
			return;
		}
		XlsxRow row = new XlsxRow(rowIndex + 1, cells.subList(0, size), uncached);
		try {
			consumer.accept(row);
		}
		catch (RuntimeException failure) {
			consumerFailure = failure;
			throw failure;
		}
	}

	private String textOf(String formattedValue) {
		if (formattedValue == null) {
			return "";
		}
		if ("b".equals(cellType)) {
			return Boolean.toString("TRUE".equals(formattedValue));
		}
		if ("e".equals(cellType) && formattedValue.startsWith(POI_ERROR_PREFIX)) {
			return formattedValue.substring(POI_ERROR_PREFIX.length());
		}
		return formattedValue;
	}

	/** Reads the column letters of a reference such as "AB12": A = 0, Z = 25, AA = 26. */
	private int columnIndex(String cellReference) {
		int column = 0;
		int letters = 0;
		for (; letters < cellReference.length(); letters++) {
			char character = Character.toUpperCase(cellReference.charAt(letters));
			if (character < 'A' || character > 'Z') {
				break;
			}
			column = Math.min(column * 26 + (character - 'A' + 1), LAST_COLUMN_INDEX + 2);
		}
		return letters == 0 ? nextColumn : column - 1;
	}

}
