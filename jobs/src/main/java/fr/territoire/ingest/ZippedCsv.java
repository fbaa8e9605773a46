package fr.territoire.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file as INSEE ships its stocks: a zip holding one CSV entry. DuckDB cannot read a
 * zip but reads gzip, and a zip entry compressed with deflate (the method of every zip
 * INSEE publishes) is a raw deflate stream, which is exactly the body of a gzip file. So
 * the entry's compressed bytes are copied, untouched, between a gzip header and a gzip
 * trailer (the entry's CRC-32 and size): a temporary {@code .csv.gz} about an eighth of
 * the CSV's size, written at disk speed, which DuckDB inflates while it reads. Nothing is
 * inflated in Java and the CSV is never written out. A stored (uncompressed) entry is
 * copied as a plain CSV; an entry compressed otherwise (deflate64, bzip2…) is expanded.
 * The temporary file goes to the warehouse's spill folder and is deleted on
 * {@link #close()}.
 * <p>
 * Guards: exactly one file entry; no more than {@value #MAX_EXPANSION_RATIO} times the
 * zip's size once expanded, as declared by the zip's central directory (SIRENE stocks
 * expand about 8 times), and as counted for an entry expanded in Java.
 */
final class ZippedCsv implements AutoCloseable {

	static final int MAX_EXPANSION_RATIO = 100;

	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private final Path path;

	private final boolean temporary;

	private ZippedCsv(Path path, boolean temporary) {
		this.path = path;
		this.temporary = temporary;
	}

	/**
	 * The CSV to read for an input file: the file itself, or the single entry of a zip
	 * re-wrapped as gzip (or expanded) into the folder.
	 */
	static ZippedCsv open(InputFile file, Path folder) {
		if (!file.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
			return new ZippedCsv(file.path(), false);
		}
		long limit = Math.max(file.bytes(), 1) * MAX_EXPANSION_RATIO;
		Path target = null;
		try (ZipFile zip = ZipFile.builder().setPath(file.path()).get()) {
			ZipArchiveEntry entry = singleEntry(zip, file);
			if (entry.getSize() > limit) {
				throw zipBomb(file);
			}
			Files.createDirectories(folder);
			int method = entry.getMethod();
			if (method == ZipMethod.DEFLATED.getCode()) {
				target = Files.createTempFile(folder, "unzipped-", ".csv.gz");
				copyAsGzip(zip, entry, target);
			}
			else if (method == ZipMethod.STORED.getCode()) {
				target = Files.createTempFile(folder, "unzipped-", ".csv");
				try (InputStream in = zip.getRawInputStream(entry)) {
					copy(in, target, limit, file);
				}
			}
			else {
				if (!zip.canReadEntryData(entry)) {
					throw unreadable(file, "the zip entry " + entry.getName() + " is compressed with method "
							+ ZipMethod.getMethodByCode(method) + ", which cannot be read");
				}
				target = Files.createTempFile(folder, "unzipped-", ".csv");
				try (InputStream in = zip.getInputStream(entry)) {
					copy(in, target, limit, file);
				}
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

	/**
	 * Opens a CSV file as its bytes, inflating a {@code .gz} file (a zip entry re-wrapped
	 * by {@link #open}), for the few reads done in Java: the header, and the record an
	 * error names.
	 */
	static InputStream read(Path path) throws IOException {
		InputStream in = Files.newInputStream(path);
		if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
			try {
				return new GZIPInputStream(in, 1 << 16);
			}
			catch (IOException ex) {
				in.close();
				throw ex;
			}
		}
		return new BufferedInputStream(in, 1 << 16);
	}

	/** Whether DuckDB must inflate the file as gzip. */
	static boolean isGzip(Path path) {
		return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
	}

	private static ZipArchiveEntry singleEntry(ZipFile zip, InputFile file) {
		List<ZipArchiveEntry> entries = new ArrayList<>();
		for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
			if (!entry.isDirectory()) {
				entries.add(entry);
			}
		}
		if (entries.isEmpty()) {
			throw unreadable(file, "the zip holds no file; a zip of exactly one CSV file is expected");
		}
		if (entries.size() > 1) {
			throw unreadable(file,
					"a zip of exactly one CSV file is expected, found entries "
							+ String.join(", ", entries.stream().limit(5).map(ZipArchiveEntry::getName).toList())
							+ ((entries.size() > 5) ? " …" : ""));
		}
		return entries.get(0);
	}

	/**
	 * Writes a gzip member around the entry's deflate stream (RFC 1952: header, deflate
	 * data, CRC-32 and size modulo 2^32, little-endian).
	 */
	private static void copyAsGzip(ZipFile zip, ZipArchiveEntry entry, Path target) throws IOException {
		try (InputStream in = zip.getRawInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
			out.write(GZIP_HEADER);
			in.transferTo(out);
			ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
			trailer.putInt((int) entry.getCrc());
			trailer.putInt((int) entry.getSize());
			out.write(trailer.array());
		}
	}

	private static void copy(InputStream in, Path target, long limit, InputFile file) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long written = 0;
		try (OutputStream out = Files.newOutputStream(target)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				written += read;
				if (written > limit) {
					throw zipBomb(file);
				}
				out.write(buffer, 0, read);
			}
		}
	}

	private static TerritoireException zipBomb(InputFile file) {
		return unreadable(file, "the zip expands to more than " + MAX_EXPANSION_RATIO
				+ " times its size; refused as a possible zip bomb");
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

	/** The CSV file DuckDB reads: plain, or gzip when its name ends with {@code .gz}. */
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
