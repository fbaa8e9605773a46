package fr.territoire.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers, durations and times of the run report as French readers write them.
 */
class FrenchFormatTests {

	private static final String NBSP = "\u00a0";

	@Test
	void integersAreGroupedByThreeWithANoBreakSpace() {
		assertThat(FrenchFormat.number(6780845L)).isEqualTo("6" + NBSP + "780" + NBSP + "845");
		assertThat(FrenchFormat.number(3944)).isEqualTo("3" + NBSP + "944");
		assertThat(FrenchFormat.number(0)).isEqualTo("0");
		assertThat(FrenchFormat.number(-1234L)).isEqualTo("-1" + NBSP + "234");
	}

	@Test
	void doublesNeverUseScientificNotationAndIntegralOnesHaveNoDecimals() {
		assertThat(FrenchFormat.number(6.780845E7)).isEqualTo("67" + NBSP + "808" + NBSP + "450");
		assertThat(FrenchFormat.number(3944.0)).isEqualTo("3" + NBSP + "944");
		assertThat(FrenchFormat.number(1234.567)).isEqualTo("1" + NBSP + "234,57");
		assertThat(FrenchFormat.number(new BigDecimal("0.50"))).isEqualTo("0,5");
	}

	@Test
	void percentagesHaveOneDecimalAndASpaceBeforeTheSign() {
		assertThat(FrenchFormat.percent(0.125)).isEqualTo("12,5" + NBSP + "%");
		assertThat(FrenchFormat.percent(1)).isEqualTo("100" + NBSP + "%");
	}

	@Test
	void durationsReadAsMillisecondsSecondsMinutesOrHours() {
		assertThat(FrenchFormat.duration(Duration.ofMillis(850))).isEqualTo("850" + NBSP + "ms");
		assertThat(FrenchFormat.duration(Duration.ofSeconds(12))).isEqualTo("12" + NBSP + "s");
		assertThat(FrenchFormat.duration(Duration.ofSeconds(138)))
			.isEqualTo("2" + NBSP + "min" + NBSP + "18" + NBSP + "s");
		assertThat(FrenchFormat.duration(Duration.ofMinutes(62)))
			.isEqualTo("1" + NBSP + "h" + NBSP + "02" + NBSP + "min");
	}

	@Test
	void timesCarryTheirZone() {
		assertThat(FrenchFormat.time(LocalDateTime.of(2026, 11, 30, 23, 47, 51), ZoneId.of("Europe/Paris")))
			.isEqualTo("2026-11-30 23:47:51 CET");
		assertThat(FrenchFormat.time(null, ZoneId.of("UTC"))).isEqualTo("—");
	}

}
