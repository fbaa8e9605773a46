package fr.territoire.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
	void expandsTheSingleEntryAndDeletesItOnClose() throws IOException {
		Path zip = zip("stock.zip", "StockEtablissement_utf8.csv", "siren,nic\n000325175,00016\n".repeat(1));
		Path expanded;
		try (ZippedCsv csv = ZippedCsv.open(input(zip), this.folder.resolve("spill"))) {
			expanded = csv.path();
			assertThat(Files.readString(expanded)).isEqualTo("siren,nic\n000325175,00016\n");
		}
		assertThat(expanded).doesNotExist();
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
		assertThat(this.folder.resolve("spill")).isEmptyDirectory();
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
		assertThat(this.folder.resolve("spill")).isEmptyDirectory();
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
