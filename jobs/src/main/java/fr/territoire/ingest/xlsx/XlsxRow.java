package fr.territoire.ingest.xlsx;

import java.util.List;
import java.util.Objects;

/**
 * A row of a sheet.
 *
 * @param rowNumber the 1-based Excel row number
 * @param cells the values by 0-based column index, {@code ""} for an empty cell
 */
public record XlsxRow(int rowNumber, List<String> cells) {

	public XlsxRow {
		Objects.requireNonNull(cells, "cells is null");
		cells = List.copyOf(cells);
	}

}
