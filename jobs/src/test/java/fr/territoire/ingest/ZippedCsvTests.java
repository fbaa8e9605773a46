package fr.territoire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZippedCsvTests {

	@TempDir
	Path folder;

	@Test
	void rewrapsADeflatedEntryAsGzipWithoutInflatingItAndDeletesItOnClose() throws IOException {
		String content = "siren,nic\n000325175,00016\n".repeat(1000);
		Path zip = zip("stock.zip", "StockEtablissement_utf8.csv", content);
		Path rewrapped;
		try (ZippedCsv csv = ZippedCsv.open(input(zip), this.folder.resolve("spill"))) {
			rewrapped = csv.path();
			assertThat(rewrapped.getFileName().toString()).endsWith(".csv.gz");
			// the compressed bytes plus an 18-byte gzip frame: nothing was inflated
			assertThat(Files.size(rewrapped)).isLessThan(Files.size(zip));
			// GZIPInputStream checks the trailer's CRC-32 and size
			try (InputStream in = new GZIPInputStream(Files.newInputStream(rewrapped))) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
			}
			try (InputStream in = ZippedCsv.read(rewrapped)) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
			}
		}
		assertThat(rewrapped).doesNotExist();
	}

	@Test
	void copiesAStoredEntryAsPlainCsv() throws IOException {
		byte[] content = "siren,nic\n000325175,00016\n".getBytes(StandardCharsets.UTF_8);
		Path zip = this.folder.resolve("stored.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			ZipEntry entry = new ZipEntry("StockEtablissement_utf8.csv");
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(content.length);
			CRC32 crc = new CRC32();
			crc.update(content);
			entry.setCrc(crc.getValue());
			out.putNextEntry(entry);
			out.write(content);
			out.closeEntry();
		}
		try (ZippedCsv csv = ZippedCsv.open(input(zip), this.folder.resolve("spill"))) {
			assertThat(csv.path().getFileName().toString()).endsWith(".csv");
			assertThat(Files.readAllBytes(csv.path())).isEqualTo(content);
		}
		assertThat(spilled()).isEmpty();
	}

	@Test
	void readsAPlainFileInPlace() throws IOException {
		Path plain = Files.writeString(this.folder.resolve("stock.csv"), "siren\n");
		try (ZippedCsv csv = ZippedCsv.open(input(plain), this.folder.resolve("spill"))) {
			assertThat(csv.path()).isEqualTo(plain);
		}
		assertThat(plain).exists();
	}

	@Test
	void refusesAZipOfSeveralFiles() throws IOException {
		Path zip = this.folder.resolve("two.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (String name : new String[] { "a.csv", "b.csv" }) {
				out.putNextEntry(new ZipEntry(name));
				out.write("x\n".getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		assertThatThrownBy(() -> ZippedCsv.open(input(zip), this.folder.resolve("spill")))
			.isInstanceOfSatisfying(TerritoireException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
				assertThat(ex.getMessage()).contains("two.zip", "exactly one CSV", "a.csv, b.csv");
			});
		assertThat(spilled()).isEmpty();
	}

	@Test
	void refusesAZipBombAndLeavesNothingBehind() throws IOException {
		Path zip = this.folder.resolve("bomb.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("StockEtablissement_utf8.csv"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 64; i++) {
				out.write(zeros);
			}
			out.closeEntry();
		}
		assertThat(Files.size(zip) * ZippedCsv.MAX_EXPANSION_RATIO).isLessThan(64L << 20);
		assertThatThrownBy(() -> ZippedCsv.open(input(zip), this.folder.resolve("spill")))
			.isInstanceOfSatisfying(TerritoireException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
				assertThat(ex.getMessage()).contains("bomb.zip", "zip bomb");
			});
		assertThat(spilled()).isEmpty();
	}

	@Test
	void refusesACorruptZip() throws IOException {
		Path zip = Files.writeString(this.folder.resolve("corrupt.zip"), "not a zip at all");
		assertThatThrownBy(() -> ZippedCsv.open(input(zip), this.folder.resolve("spill")))
			.isInstanceOfSatisfying(TerritoireException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
				assertThat(ex.getMessage()).contains("corrupt.zip");
			});
	}

	/** What is left in the spill folder, which may not even have been created. */
	private List<Path> spilled() throws IOException {
		Path spill = this.folder.resolve("spill");
		if (!Files.isDirectory(spill)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(spill)) {
			return files.toList();
		}
	}

	private Path zip(String name, String entry, String content) throws IOException {
		Path zip = this.folder.resolve(name);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry(entry));
			out.write(content.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return zip;
	}

	private static InputFile input(Path path) throws IOException {
		return new InputFile("sirene_etablissement", path, path.getFileName().toString(), Files.size(path), "unused");
	}

}
