package fr.territoire.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds one record of a CSV file by its number, following the CSV quoting rules (a quoted
 * field may span lines, {@code ""} is a quote inside it), to show the user the line,
 * field and value DuckDB stopped at. Only used once reading has failed.
 */
final class CsvRecordFinder {

	/** Bytes kept from each field, enough to show it in a message. */
	static final int KEPT_BYTES = 1024;

	private static final byte QUOTE = '"';

	private final byte delimiter;

	private final long maxRecordBytes;

	/**
	 * @param delimiter the field delimiter, an ASCII character
	 * @param maxRecordBytes the size after which a quote still open is deemed never
	 * closed
	 */
	CsvRecordFinder(char delimiter, long maxRecordBytes) {
		if (delimiter > 127) {
			throw new IllegalArgumentException("delimiter must be ASCII, found '" + delimiter + "'");
		}
		this.delimiter = (byte) delimiter;
		this.maxRecordBytes = maxRecordBytes;
	}

	/**
	 * The record with this number (the header is record 1, and an empty line counts as a
	 * record, as DuckDB counts them), or empty when the file has fewer records.
	 */
	Optional<CsvRecord> find(Path path, long wanted) throws IOException {
		try (InputStream in = ZippedCsv.read(path)) {
			Scan scan = new Scan(wanted);
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				for (int i = 0; i < read; i++) {
					if (scan.accept(buffer[i])) {
						return Optional.of(scan.result());
					}
				}
			}
			return scan.atEnd();
		}
	}

	private enum State {

		FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED

	}

	/** One pass over the file, byte by byte. */
	private final class Scan {

		private final long wanted;

		private final List<CsvRecord.Field> fields = new ArrayList<>();

		private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

		private long record = 1;

		private long line = 1;

		private State state = State.FIELD_START;

		private long fieldBytes;

		private long recordBytes;

		private boolean badQuote;

		private boolean unterminated;

		private int pendingContinuations;

		private int firstMalformedByte = -1;

		private int sequenceLead;

		Scan(long wanted) {
			this.wanted = wanted;
		}

		/** Takes one byte; true when the wanted record is complete. */
		boolean accept(byte b) {
			boolean inWanted = this.record == this.wanted;
			if (this.state == State.QUOTED) {
				if (b == QUOTE) {
					this.state = State.QUOTE_IN_QUOTED;
				}
				if (!inWanted) {
					this.line += (b == '\n') ? 1 : 0;
					return false;
				}
				keep(b);
				if (this.recordBytes > CsvRecordFinder.this.maxRecordBytes) {
					this.unterminated = true;
					this.badQuote = true;
					endField();
					return true;
				}
				return false;
			}
			if (b == '\n') {
				if (inWanted) {
					endField();
					return true;
				}
				this.line++;
				this.record++;
				this.state = State.FIELD_START;
				return false;
			}
			if (b == '\r') {
				return false;
			}
			if (b == CsvRecordFinder.this.delimiter) {
				if (inWanted) {
					endField();
				}
				this.state = State.FIELD_START;
				return false;
			}
			if (this.state == State.FIELD_START) {
				this.state = (b == QUOTE) ? State.QUOTED : State.UNQUOTED;
			}
			else if (this.state == State.QUOTE_IN_QUOTED) {
				boolean escapedQuote = b == QUOTE;
				this.badQuote |= inWanted && !escapedQuote;
				this.state = escapedQuote ? State.QUOTED : State.UNQUOTED;
			}
			if (inWanted) {
				keep(b);
			}
			return false;
		}

		/** Keeps the start of the field and checks its UTF-8 as it goes. */
		private void keep(byte b) {
			this.fieldBytes++;
			this.recordBytes++;
			if (this.kept.size() < KEPT_BYTES) {
				this.kept.write(b);
			}
			int value = b & 0xFF;
			if (this.pendingContinuations > 0) {
				if ((value & 0xC0) == 0x80) {
					this.pendingContinuations--;
					return;
				}
				this.pendingContinuations = 0;
				malformed(this.sequenceLead);
			}
			if (value < 0x80) {
				return;
			}
			this.sequenceLead = value;
			if (value >= 0xC2 && value <= 0xDF) {
				this.pendingContinuations = 1;
			}
			else if ((value & 0xF0) == 0xE0) {
				this.pendingContinuations = 2;
			}
			else if (value >= 0xF0 && value <= 0xF4) {
				this.pendingContinuations = 3;
			}
			else {
				malformed(value);
			}
		}

		private void malformed(int value) {
			if (this.firstMalformedByte < 0) {
				this.firstMalformedByte = value;
			}
		}

		private void endField() {
			if (this.pendingContinuations > 0) {
				malformed(this.sequenceLead);
				this.pendingContinuations = 0;
			}
			this.fields.add(new CsvRecord.Field(this.fields.size(), this.fieldBytes, this.kept.toByteArray(),
					this.firstMalformedByte >= 0, this.firstMalformedByte, this.badQuote));
			this.kept.reset();
			this.fieldBytes = 0;
			this.badQuote = false;
			this.firstMalformedByte = -1;
		}

		CsvRecord result() {
			return new CsvRecord(this.wanted, this.line, this.fields, this.unterminated);
		}

		/**
		 * The end of the file: the wanted record may be the last one, without newline.
		 */
		Optional<CsvRecord> atEnd() {
			if (this.record != this.wanted
					|| (this.fields.isEmpty() && this.fieldBytes == 0 && this.state == State.FIELD_START)) {
				return Optional.empty();
			}
			if (this.state == State.QUOTED) {
				this.unterminated = true;
				this.badQuote = true;
			}
			endField();
			return Optional.of(result());
		}

	}

}
