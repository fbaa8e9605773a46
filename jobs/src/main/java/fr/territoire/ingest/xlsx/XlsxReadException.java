package fr.territoire.ingest.xlsx;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when an .xlsx workbook or one of its sheets cannot be read. The message always
 * names the file (and the sheet when one was asked for) and says what is wrong in words a
 * user can act upon.
 */
public final class XlsxReadException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why the workbook could not be read. */
	public enum Code {

		/**
		 * The file is missing, empty, or not an .xlsx workbook at all (text, CSV, legacy
		 * .xls, .ods, .docx...).
		 */
		NOT_A_WORKBOOK,
		/**
		 * The workbook is password-protected: Excel stored it encrypted inside an OLE2
		 * container.
		 */
		ENCRYPTED,
		/**
		 * The archive inflates far beyond its compressed size: refused as a possible zip
		 * bomb.
		 */
		ZIP_BOMB,
		/**
		 * The workbook has no sheet matching the selector; the message lists the
		 * available sheets.
		 */
		SHEET_NOT_FOUND,
		/** The file looks like an .xlsx workbook but is truncated or damaged. */
		CORRUPT

	}

	private final Code code;

	private final transient Path file;

	private final String sheet;

	XlsxReadException(Code code, Path file, String sheet, String detail, Throwable cause) {
		super(file + (sheet == null ? "" : " (sheet " + sheet + ")") + ": " + detail, cause);
		this.code = Objects.requireNonNull(code, "code is null");
		this.file = Objects.requireNonNull(file, "file is null");
		this.sheet = sheet;
	}

	/** Returns why the workbook could not be read. */
	public Code code() {
		return code;
	}

	/** Returns the workbook file that could not be read. */
	public Path file() {
		return file;
	}

	/**
	 * Returns the description of the sheet that was asked for, or {@code null} when none
	 * was.
	 */
	public String sheet() {
		return sheet;
	}

}
