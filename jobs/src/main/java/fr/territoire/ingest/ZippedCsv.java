package fr.territoire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file as INSEE ships its stocks: a zip holding one CSV entry. DuckDB cannot read a
 * zip, so the entry is streamed once to a temporary file that DuckDB then reads in
 * parallel; the temporary file is deleted on {@link #close()}. Guards against zip bombs:
 * exactly one file entry, and no more than {@value #MAX_EXPANSION_RATIO} times the zip's
 * size once expanded (SIRENE stocks expand about 8 times).
 */
final class ZippedCsv implements AutoCloseable {

	static final int MAX_EXPANSION_RATIO = 100;

	private final Path path;

	private final boolean temporary;

	private ZippedCsv(Path path, boolean temporary) {
		this.path = path;
		this.temporary = temporary;
	}

	/**
	 * The CSV to read for an input file: the file itself, or the single entry of a zip
	 * expanded into the folder.
	 */
	static ZippedCsv open(InputFile file, Path folder) {
		if (!file.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
			return new ZippedCsv(file.path(), false);
		}
		long limit = Math.max(file.bytes(), 1) * MAX_EXPANSION_RATIO;
		Path target = null;
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file.path()))) {
			List<String> entries = new ArrayList<>();
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.isDirectory()) {
					continue;
				}
				entries.add(entry.getName());
				if (entries.size() > 1) {
					throw unreadable(file, "a zip of exactly one CSV file is expected, found entries "
							+ String.join(", ", entries) + " …");
				}
				Files.createDirectories(folder);
				target = Files.createTempFile(folder, "unzipped-", ".csv");
				copy(zip, target, limit, file);
			}
			if (target == null) {
				throw unreadable(file, "the zip holds no file; a zip of exactly one CSV file is expected");
			}
			return new ZippedCsv(target, true);
		}
		catch (IOException ex) {
			delete(target);
			throw unreadable(file, "cannot read the zip: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			delete(target);
			throw ex;
		}
	}

	private static void copy(InputStream in, Path target, long limit, InputFile file) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long written = 0;
		try (OutputStream out = Files.newOutputStream(target)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				written += read;
				if (written > limit) {
					throw unreadable(file, "the zip expands to more than " + MAX_EXPANSION_RATIO
							+ " times its size; refused as a possible zip bomb");
				}
				out.write(buffer, 0, read);
			}
		}
	}

	private static TerritoireException unreadable(InputFile file, String message) {
		return new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()), message);
	}

	private static void delete(@Nullable Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// best effort: the folder is the warehouse's spill folder, cleared with
				// it
			}
		}
	}

	/** The CSV file DuckDB reads. */
	Path path() {
		return this.path;
	}

	@Override
	public void close() {
		if (this.temporary) {
			delete(this.path);
		}
	}

}
