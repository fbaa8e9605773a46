package fr.territoire.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Numbers, durations and times as French readers write them: {@code 6 780 845},
 * {@code 3 944}, {@code 12,5 %}, {@code 2 min 18 s}; never a scientific notation, an
 * integral value without {@code ,0}. The group separator is a no-break space (U+00A0), so
 * that a number is never cut at the end of a line.
 */
public final class FrenchFormat {

	/** The group separator and the space before {@code %}. */
	public static final String SPACE = "\u00a0";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

	private FrenchFormat() {
	}

	/**
	 * A number: integers grouped by three, decimals with a comma and at most two digits.
	 * @param number any number
	 * @return its text
	 */
	public static String number(Number number) {
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				return String.valueOf(value);
			}
			return format(BigDecimal.valueOf(value), 2);
		}
		if (number instanceof BigDecimal decimal) {
			return format(decimal, 2);
		}
		if (number instanceof BigInteger integer) {
			return format(new BigDecimal(integer), 0);
		}
		return format(BigDecimal.valueOf(number.longValue()), 0);
	}

	/**
	 * A percentage of a fraction with one decimal: {@code 0.125} is {@code 12,5 %}.
	 * @param fraction the fraction (1 is 100 %)
	 * @return its text
	 */
	public static String percent(double fraction) {
		return format(BigDecimal.valueOf(fraction * 100), 1) + SPACE + "%";
	}

	/**
	 * A duration: {@code 850 ms}, {@code 12 s}, {@code 2 min 18 s}, {@code 1 h 02 min}.
	 * @param duration the duration
	 * @return its text
	 */
	public static String duration(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + SPACE + "ms";
		}
		long seconds = Math.round(millis / 1000.0);
		if (seconds < 60) {
			return seconds + SPACE + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + SPACE + "min" + SPACE + String.format(Locale.ROOT, "%02d", seconds % 60) + SPACE
					+ "s";
		}
		return (seconds / 3600) + SPACE + "h" + SPACE + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60)
				+ SPACE + "min";
	}

	/**
	 * A time of the job repository (local to this machine) with its zone, e.g.
	 * {@code 2026-11-30 23:47:51 CET}.
	 * @param time the time, null when unknown
	 * @param zone the zone of the job repository's times
	 * @return its text, {@code —} when unknown
	 */
	public static String time(@Nullable LocalDateTime time, ZoneId zone) {
		return (time != null) ? TIME.format(time.atZone(zone)) : "—";
	}

	private static String format(BigDecimal value, int maxDecimals) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator(SPACE.charAt(0));
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('-');
		DecimalFormat format = new DecimalFormat("#,##0", symbols);
		format.setMaximumFractionDigits(maxDecimals);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

}
