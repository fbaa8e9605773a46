package fr.territoire.job;

import java.util.Optional;

import fr.territoire.job.TestHaltListener.HaltPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The test-only halt hook's setting: {@code <step>[:start|:end][:kill|:term]}.
 */
class TestHaltListenerTests {

	@Test
	void isOffUnlessSet() {
		assertThat(HaltPoint.parse(null)).isEmpty();
		assertThat(HaltPoint.parse(" ")).isEmpty();
	}

	@Test
	void stopsAtTheEndOfTheStepWithAKillByDefault() {
		assertThat(HaltPoint.parse("ingest.sirene_etablissement"))
			.isEqualTo(Optional.of(new HaltPoint("ingest.sirene_etablissement", false, false)));
	}

	@Test
	void readsWhereAndHow() {
		assertThat(HaltPoint.parse("publish:start:term")).contains(new HaltPoint("publish", true, true));
		assertThat(HaltPoint.parse("audit.public:end:kill")).contains(new HaltPoint("audit.public", false, false));
	}

	@Test
	void matchesOnlyItsStepAtItsMoment() {
		HaltPoint point = new HaltPoint("publish", true, false);
		assertThat(point.matches("publish", true)).isTrue();
		assertThat(point.matches("publish", false)).isFalse();
		assertThat(point.matches("report", true)).isFalse();
	}

	@Test
	void refusesAnUnknownWord() {
		assertThatIllegalArgumentException().isThrownBy(() -> HaltPoint.parse("publish:middle"))
			.withMessageContaining("'middle' is not start, end, kill or term");
	}

}
