package fr.territoire.ingest.xlsx;

import java.util.Objects;

/**
 * Which sheet of a workbook to read.
 */
public sealed interface SheetSelector permits SheetSelector.ByName, SheetSelector.ByPosition {

	/** Whether the sheet of this name and 1-based position is the one. */
	boolean matches(String name, int position);

	/**
	 * A sheet by name.
	 *
	 * @param name the sheet name
	 */
	record ByName(String name) implements SheetSelector {

		public ByName {
			Objects.requireNonNull(name, "name is null");
		}

		@Override
		public boolean matches(String sheetName, int position) {
			return this.name.equals(sheetName);
		}

		@Override
		public String toString() {
			return "'" + this.name + "'";
		}

	}

	/**
	 * A sheet by position.
	 *
	 * @param position the 1-based position
	 */
	record ByPosition(int position) implements SheetSelector {

		public ByPosition {
			if (position < 1) {
				throw new IllegalArgumentException("position must be 1 or more");
			}
		}

		@Override
		public boolean matches(String sheetName, int sheetPosition) {
			return this.position == sheetPosition;
		}

		@Override
		public String toString() {
			return "#" + this.position;
		}

	}

}
