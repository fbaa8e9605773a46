package fr.territoire.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FileHash}: a file's hash is kept for the JVM, and a file rewritten since (same
 * path, new content) is hashed again.
 */
class FileHashTests {

	@TempDir
	Path folder;

	@Test
	void aRewrittenFileIsHashedAgainEvenAtTheSameSize() throws IOException, NoSuchAlgorithmException {
		Path file = this.folder.resolve("stock.csv");
		Files.writeString(file, "siret\n35600000000048\n");
		assertThat(FileHash.sha256(file)).isEqualTo(sha256("siret\n35600000000048\n"));
		assertThat(FileHash.sha256(file)).isEqualTo(sha256("siret\n35600000000048\n"));
		Files.writeString(file, "siret\n35600000000049\n");
		Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
		assertThat(FileHash.sha256(file)).isEqualTo(sha256("siret\n35600000000049\n"));
	}

	private static String sha256(String text) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
