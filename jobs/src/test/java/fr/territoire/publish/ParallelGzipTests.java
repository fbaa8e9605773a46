package fr.territoire.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ParallelGzipTests {

	@TempDir
	Path folder;

	/**
	 * A CSV of 2.5 blocks: three gzip members, compressed on two threads, read back whole
	 * by the JDK's reader, by {@code gzip -dc} and by DuckDB's {@code read_csv}.
	 */
	@Test
	void aFileOfSeveralBlocksIsOneGzipFileThatEveryReaderReadsWhole() throws Exception {
		Path csv = this.folder.resolve("rows.csv");
		long lines = writeCsv(csv, ParallelGzip.BLOCK * 5L / 2);
		Path gzip = this.folder.resolve("rows.csv.gz");

		ParallelGzip.Written written = ParallelGzip.compress(csv, gzip, 2);

		assertThat(written.bytes()).isEqualTo(Files.size(gzip)).isLessThan(Files.size(csv) / 2);
		assertThat(written.sha256()).isEqualTo(sha256(gzip));
		assertThat(members(gzip)).isEqualTo(3);
		try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
			assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(csv));
		}
		Process gunzip = new ProcessBuilder("gzip", "-dc", gzip.toString()).start();
		byte[] unzipped = gunzip.getInputStream().readAllBytes();
		assertThat(gunzip.waitFor()).isZero();
		assertThat(unzipped).isEqualTo(Files.readAllBytes(csv));
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT count(*), sum(n) FROM read_csv('" + gzip.toString().replace("'", "''")
							+ "', header = true, columns = {'n': 'BIGINT', 'name': 'VARCHAR'})")) {
			rows.next();
			assertThat(rows.getLong(1)).isEqualTo(lines);
			assertThat(rows.getLong(2)).isEqualTo(lines * (lines - 1) / 2);
		}
	}

	@Test
	void aFileSmallerThanABlockIsOneMember() throws Exception {
		Path csv = this.folder.resolve("small.csv");
		Files.writeString(csv, "n,name\n1,\"Entzheim\"\n");
		Path gzip = this.folder.resolve("small.csv.gz");

		ParallelGzip.Written written = ParallelGzip.compress(csv, gzip, 4);

		assertThat(members(gzip)).isEqualTo(1);
		assertThat(written.sha256()).isEqualTo(sha256(gzip));
		try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("n,name\n1,\"Entzheim\"\n");
		}
	}

	/** Lines n,name with n from 0, up to about {@code bytes}; returns the data lines. */
	private static long writeCsv(Path csv, long bytes) throws IOException {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder("n,name\n");
		long n = 0;
		while (text.length() < bytes) {
			text.append(n++).append(",\"RUE ").append(Integer.toString(random.nextInt(1 << 30), 36)).append("\"\n");
		}
		Files.writeString(csv, text);
		return n;
	}

	/** Gzip members, by their headers (1f 8b 08) at the start and after each trailer. */
	private static int members(Path gzip) throws IOException {
		int members = 0;
		try (InputStream in = Files.newInputStream(gzip)) {
			// each member read on its own: the JDK reader stops at the end of one member
			// when asked to by a fresh inflater per member
			byte[] all = in.readAllBytes();
			int offset = 0;
			while (offset < all.length) {
				assertThat(all[offset] & 0xff).isEqualTo(0x1f);
				assertThat(all[offset + 1] & 0xff).isEqualTo(0x8b);
				java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
				inflater.setInput(all, offset + 10, all.length - offset - 10);
				byte[] sink = new byte[1 << 16];
				while (!inflater.finished()) {
					inflater.inflate(sink);
				}
				offset = offset + 10 + (int) inflater.getBytesRead() + 8;
				inflater.end();
				members++;
			}
		}
		catch (java.util.zip.DataFormatException ex) {
			throw new IOException(ex);
		}
		return members;
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
