package fr.territoire.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;

/**
 * A UTF-8 view of a text input file. A file in another encoding (Windows-1252,
 * ISO-8859-1…) is transcoded by Java, streaming, into a temporary UTF-8 file in the
 * warehouse's temporary folder, deleted on {@link #close()}; a UTF-8 file is used as it
 * is. DuckDB's own reader then reads the UTF-8 file: its latin-1 decoder rejects
 * Windows-1252 bytes such as Œ (0x8C).
 */
final class Utf8Copy implements AutoCloseable {

	private final InputFile file;

	private final boolean temporary;

	private Utf8Copy(InputFile file, boolean temporary) {
		this.file = file;
		this.temporary = temporary;
	}

	/**
	 * The file as UTF-8.
	 * @param connection the warehouse, whose {@code temp_directory} receives the copy
	 * @param encoding the file's encoding, a Java charset name
	 * @param file the input file
	 */
	static Utf8Copy of(Connection connection, String encoding, InputFile file) {
		Charset charset = charset(encoding, file.name());
		if (charset.equals(StandardCharsets.UTF_8)) {
			return new Utf8Copy(file, false);
		}
		String spill = Sql.queryRows(connection, "SELECT current_setting('temp_directory')").get(0).get(0);
		Path folder = (spill == null || spill.isBlank()) ? Path.of(System.getProperty("java.io.tmpdir"))
				: Path.of(spill);
		try {
			Files.createDirectories(folder);
			Path copy = Files.createTempFile(folder, "transcoded-", ".csv");
			try {
				transcode(file.path(), charset, copy);
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(copy);
				throw ex;
			}
			return new Utf8Copy(new InputFile(file.source(), copy, file.name(), file.bytes(), file.sha256()), true);
		}
		catch (CharacterCodingException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"the file is not valid " + charset.name() + " as its mapping declares: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"cannot transcode the file from " + charset.name() + " to UTF-8: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The Java charset of an encoding name.
	 * @throws TerritoireException ({@link ErrorCode#BAD_CONFIGURATION}) for an unknown
	 * name
	 */
	static Charset charset(String encoding, String shownAs) {
		try {
			return Charset.forName(encoding);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(shownAs),
					"unknown encoding '" + encoding + "': use a Java charset name such as UTF-8 or windows-1252");
		}
	}

	/** Streams a file in a charset into a UTF-8 file; undecodable bytes are an error. */
	static void transcode(Path from, Charset charset, Path to) throws IOException {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = new java.io.InputStreamReader(ZippedCsv.read(from), decoder);
				Writer writer = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
			reader.transferTo(writer);
		}
	}

	/** The UTF-8 file, named as the original in lineage and messages. */
	InputFile file() {
		return this.file;
	}

	@Override
	public void close() {
		if (this.temporary) {
			try {
				Files.deleteIfExists(this.file.path());
			}
			catch (IOException ex) {
				throw new TerritoireException(ErrorCode.WAREHOUSE, Location.file(this.file.name()),
						"cannot delete the transcoded copy " + this.file.path() + ": " + ex.getMessage(), ex);
			}
		}
	}

}
