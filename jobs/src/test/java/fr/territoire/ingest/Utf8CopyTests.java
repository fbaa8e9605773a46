package fr.territoire.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Utf8CopyTests {

	/** "Œuvre;Cœur" in Windows-1252: Œ is 0x8C and œ 0x9C, which ISO-8859-1 lacks. */
	private static final byte[] WINDOWS_1252 = { (byte) 0x8C, 'u', 'v', 'r', 'e', ';', 'C', (byte) 0x9C, 'u', 'r', '\r',
			'\n' };

	@Test
	void transcodesWindows1252ToATemporaryUtf8FileDeletedAfterUse(@TempDir Path folder) throws Exception {
		Path original = folder.resolve("France2017.txt");
		Files.write(original, WINDOWS_1252);
		Path spill = folder.resolve("spill");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			connection.createStatement().execute("SET temp_directory = '" + spill + "'");
			Path copy;
			try (Utf8Copy utf8 = Utf8Copy.of(connection, "windows-1252", file(original))) {
				copy = utf8.file().path();
				assertThat(copy).startsWith(spill);
				assertThat(utf8.file().name()).isEqualTo("cog-2017/France2017.txt");
				assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo("Œuvre;Cœur\r\n");
			}
			assertThat(copy).doesNotExist();
			assertThat(original).exists();
		}
	}

	@Test
	void usesAUtf8FileAsItIs(@TempDir Path folder) throws SQLException, java.io.IOException {
		Path original = folder.resolve("a.csv");
		Files.writeString(original, "code\n01001\n");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Utf8Copy utf8 = Utf8Copy.of(connection, "UTF-8", file(original))) {
			assertThat(utf8.file().path()).isEqualTo(original);
		}
		assertThat(original).exists();
	}

	@Test
	void refusesBytesTheDeclaredEncodingCannotDecode(@TempDir Path folder) throws Exception {
		Path original = folder.resolve("a.csv");
		Files.write(original, new byte[] { 'a', (byte) 0x81, '\n' });
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			connection.createStatement().execute("SET temp_directory = '" + folder.resolve("spill") + "'");
			assertThatExceptionOfType(TerritoireException.class)
				.isThrownBy(() -> Utf8Copy.of(connection, "windows-1252", file(original)))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT))
				.withMessageContaining("cog-2017/France2017.txt")
				.withMessageContaining("windows-1252");
			try (var left = Files.list(folder.resolve("spill"))) {
				assertThat(left).isEmpty();
			}
		}
	}

	@Test
	void unknownEncodingIsAConfigurationError() {
		assertThatExceptionOfType(TerritoireException.class).isThrownBy(() -> Utf8Copy.charset("latin-9000", "x.csv"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_CONFIGURATION));
	}

	private static InputFile file(Path path) {
		return new InputFile("cog_commune_historical", path, "cog-2017/France2017.txt", 12, "0".repeat(64));
	}

}
