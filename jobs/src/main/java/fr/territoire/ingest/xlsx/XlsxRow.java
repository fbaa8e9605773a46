package fr.territoire.ingest.xlsx;

import java.util.List;
import java.util.Objects;

/**
 * One non-empty row of a worksheet, as text.
 *
 * @param rowNumber the 1-based Excel row number (row 8 is the row Excel labels "8"), gaps
 * included
 * @param cells the cell values by 0-based column index (A = 0); {@code ""} for an empty
 * cell; trailing empty cells are trimmed, so the list is never longer than needed
 * @param uncachedFormulas the formula cells stored without their result that could not be
 * evaluated: their value in {@code cells} is {@code ""} but unknown, not empty
 */
public record XlsxRow(int rowNumber, List<String> cells, List<UncachedFormula> uncachedFormulas) {

	/** A row whose formulas all had a value. */
	public XlsxRow(int rowNumber, List<String> cells) {
		this(rowNumber, cells, List.of());
	}

	/** Validates and copies the cells into an unmodifiable list. */
	public XlsxRow {
		uncachedFormulas = List.copyOf(uncachedFormulas);
		if (rowNumber < 1) {
			throw new IllegalArgumentException("rowNumber must be at least 1, was " + rowNumber);
		}
		Objects.requireNonNull(cells, "cells is null");
		cells = List.copyOf(cells);
	}

	/**
	 * Returns the value of one cell, or {@code ""} when the column lies beyond the last
	 * non-empty cell.
	 * @param columnIndex the 0-based column index (A = 0)
	 * @return the cell value, never null
	 */
	public String cell(int columnIndex) {
		if (columnIndex < 0) {
			throw new IllegalArgumentException("columnIndex must not be negative, was " + columnIndex);
		}
		return columnIndex < cells.size() ? cells.get(columnIndex) : "";
	}
}
