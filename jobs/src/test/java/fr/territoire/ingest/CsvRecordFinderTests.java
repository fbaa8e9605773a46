package fr.territoire.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordFinderTests {

	@TempDir
	Path folder;

	@Test
	void findsARecordAfterAValueSpanningLinesAndTellsItsFirstLine() throws IOException {
		Path file = write(
				"a,b\n1,\"x\ny\nz\"\n2,\"say \"\"hi\"\"\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

		CsvRecord record = new CsvRecordFinder(',', 1000).find(file, 3).orElseThrow();

		assertThat(record.line()).isEqualTo(5);
		assertThat(record.fields()).extracting(CsvRecord.Field::shown).containsExactly("2", "\"say \"\"hi\"\"\"");
		assertThat(record.fields()).noneMatch(CsvRecord.Field::badQuote);
		assertThat(record.unterminatedQuote()).isFalse();
	}

	@Test
	void acceptsUtf8AccentsAndEmojiButFlagsALoneLatin1Byte() throws IOException {
		byte[] latin1 = { 'C', 'a', 'f', (byte) 0xE9 };
		byte[] start = "a;b;c\nÉté 🌞;".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] content = new byte[start.length + latin1.length + 3];
		System.arraycopy(start, 0, content, 0, start.length);
		System.arraycopy(latin1, 0, content, start.length, latin1.length);
		System.arraycopy(new byte[] { ';', 'x', '\r' }, 0, content, start.length + latin1.length, 3);

		CsvRecord record = new CsvRecordFinder(';', 1000).find(write(content), 2).orElseThrow();

		assertThat(record.fields()).extracting(CsvRecord.Field::malformed).containsExactly(false, true, false);
		assertThat(record.fields().get(1).shown()).isEqualTo("Caf\\xE9");
		assertThat(record.fields().get(1).firstMalformedByte()).isEqualTo(0xE9);
		assertThat(record.text(';')).isEqualTo("Été 🌞;Caf\\xE9;x");
	}

	@Test
	void tellsAQuoteNeverClosedAndARecordBeyondTheEnd() throws IOException {
		Path file = write("a,b\n1,\"open\n2,3".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		CsvRecordFinder finder = new CsvRecordFinder(',', 1000);

		CsvRecord record = finder.find(file, 2).orElseThrow();

		assertThat(record.unterminatedQuote()).isTrue();
		assertThat(record.firstBadlyQuoted()).map(CsvRecord.Field::shown).contains("\"open\n2,3");
		assertThat(finder.find(file, 3)).isEqualTo(Optional.empty());
	}

	private Path write(byte[] content) throws IOException {
		return Files.write(this.folder.resolve("file.csv"), content);
	}

}
