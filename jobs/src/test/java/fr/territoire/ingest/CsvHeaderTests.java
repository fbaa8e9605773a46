package fr.territoire.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvHeaderTests {

	@Test
	void splitsQuotedHeaderNamesWithDelimitersInside() {
		assertThat(CsvRawLoader.splitHeader("siren,\"nom, prénom\",\"a \"\"b\"\"\", code ", ','))
			.containsExactly("siren", "nom, prénom", "a \"b\"", "code");
	}

	@Test
	void splitsSemicolonHeaders() {
		assertThat(CsvRawLoader.splitHeader("CODREG;REG;CODDEP", ';')).containsExactly("CODREG", "REG", "CODDEP");
	}

}
