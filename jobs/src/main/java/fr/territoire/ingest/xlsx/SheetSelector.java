package fr.territoire.ingest.xlsx;

import java.util.Objects;

/**
 * Designates one sheet of a workbook, by its name or by its position in the workbook's
 * tab order.
 */
public sealed interface SheetSelector permits SheetSelector.ByName, SheetSelector.ByPosition {

	/** Returns a short description of the selected sheet, for messages. */
	String describe();

	/**
	 * Selects the sheet with this name. Excel sheet names are case-insensitive and
	 * unique, so the match ignores case and Unicode normalisation form ("Régions" typed
	 * in NFC matches an NFD name).
	 *
	 * @param name the sheet name as shown on its tab
	 */
	record ByName(String name) implements SheetSelector {
		/** Validates the name. */
		public ByName {
			Objects.requireNonNull(name, "name is null");
			if (name.isBlank()) {
				throw new IllegalArgumentException("name is blank");
			}
		}

		@Override
		public String describe() {
			return '"' + name + '"';
		}
	}

	/**
	 * Selects the sheet at this position in the workbook's tab order (hidden sheets
	 * count).
	 *
	 * @param position the 1-based position: 1 is the first sheet
	 */
	record ByPosition(int position) implements SheetSelector {
		/** Validates the position. */
		public ByPosition {
			if (position < 1) {
				throw new IllegalArgumentException("position must be at least 1, was " + position);
			}
		}

		@Override
		public String describe() {
			return "at position " + position;
		}
	}

}
