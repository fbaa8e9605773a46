package fr.territoire.serve;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request path is checked before any file is looked at.
 */
class RequestPathTests {

	@ParameterizedTest
	@ValueSource(strings = { "/..", "/releases/../latest/", "/%2e%2e/", "/%2E%2e/x", "/./x", "/%2e/x", "/a%2fb",
			"/a%2Fb", "/a%5cb", "/a\\b", "/%252e%252e/", "/a%00b", "/a%0ab", "/%zz", "/%2", "/%c0%ae%c0%ae/",
			"relative", "/é" })
	void refusesDotSegmentsEncodedSeparatorsDoubleEncodingAndMalformedEscapes(String raw) {
		assertThat(RequestPath.parse(raw)).as(raw).isEmpty();
	}

	@Test
	void decodesEachSegmentOnce() {
		RequestPath path = RequestPath.parse("/releases/2026-11-23-1/caf%C3%A9%20noir.csv").orElseThrow();
		assertThat(path.segments()).containsExactly("releases", "2026-11-23-1", "café noir.csv");
		assertThat(path.directory()).isFalse();
	}

	@Test
	void aTrailingSlashOrTheRootIsAFolder() {
		assertThat(RequestPath.parse("/latest/").orElseThrow()).isEqualTo(new RequestPath(List.of("latest"), true));
		assertThat(RequestPath.parse("/").orElseThrow().root()).isTrue();
	}

}
