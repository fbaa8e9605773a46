package fr.territoire.serve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Range} headers against a file of a known size (RFC 9110 §14.1.2).
 */
class ByteRangeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			bytes=0-99      | 1000 | 0   | 99
			bytes=0-0       | 1000 | 0   | 0
			bytes=990-      | 1000 | 990 | 999
			bytes=-10       | 1000 | 990 | 999
			bytes=-5000     | 1000 | 0   | 999
			bytes=900-5000  | 1000 | 900 | 999
			BYTES=1-2       | 1000 | 1   | 2
			bytes=999-999   | 1000 | 999 | 999
			""")
	void aSingleRangeIsThePartAsked(String header, long size, long first, long last) {
		assertThat(ByteRange.parse(header, size)).isEqualTo(new ByteRange.Part(first, last));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			bytes=1000-     | 1000
			bytes=1000-1010 | 1000
			bytes=-0        | 1000
			bytes=0-        | 0
			bytes=-10       | 0
			""")
	void aRangeWithNoByteOfTheFileIsUnsatisfiable(String header, long size) {
		assertThat(ByteRange.parse(header, size)).isEqualTo(new ByteRange.Unsatisfiable());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			bytes=0-9,20-29
			bytes=9-2
			bytes=a-b
			bytes=
			bytes=5
			bytes=--5
			bytes = 1-2
			bytes=+1-2
			lines=0-9
			""")
	void severalRangesOrAnythingElseIsTheWholeFile(String header) {
		assertThat(ByteRange.parse(header, 1000)).isEqualTo(new ByteRange.Whole());
	}

}
