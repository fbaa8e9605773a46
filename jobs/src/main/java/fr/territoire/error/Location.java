package fr.territoire.error;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a problem is: a file and optionally a sheet, a row (or line), a column and the
 * value found.
 *
 * @param file the file, as the user knows it
 * @param sheet the sheet of a workbook
 * @param row the 1-based row (sheet row, or data record of a text file)
 * @param column the column name
 * @param value the offending value
 */
public record Location(String file, @Nullable String sheet, @Nullable Long row, @Nullable String column,
		@Nullable String value) {

	public Location {
		Objects.requireNonNull(file, "file is null");
	}

	public static Location file(String file) {
		return new Location(file, null, null, null, null);
	}

	public Location column(String column) {
		return new Location(this.file, this.sheet, this.row, column, this.value);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.file);
		if (this.sheet != null) {
			text.append(", sheet '").append(this.sheet).append("'");
		}
		if (this.row != null) {
			text.append(", row ").append(this.row);
		}
		if (this.column != null) {
			text.append(", column '").append(this.column).append("'");
		}
		if (this.value != null) {
			String shown = (this.value.length() > 80) ? this.value.substring(0, 80) + "…" : this.value;
			text.append(", value '").append(shown).append("'");
		}
		return text.toString();
	}

}
