package fr.territoire.ingest.xlsx;

import java.nio.file.Path;

/**
 * A workbook that cannot be read, with the reason as a code.
 */
public final class XlsxReadException extends Exception {

	private final Code code;

	private final Path file;

	XlsxReadException(Code code, Path file, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
		this.file = file;
	}

	public Code code() {
		return this.code;
	}

	public Path file() {
		return this.file;
	}

	/** Why a workbook cannot be read. */
	public enum Code {

		/** Not an xlsx file at all. */
		NOT_A_WORKBOOK,
		/** Protected by a password. */
		ENCRYPTED,
		/** Compressed so much it is treated as a zip bomb. */
		ZIP_BOMB,
		/** The sheet asked for does not exist. */
		SHEET_NOT_FOUND,
		/** A damaged workbook. */
		CORRUPT

	}

}
