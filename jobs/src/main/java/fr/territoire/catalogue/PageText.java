package fr.territoire.catalogue;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as a French reader writes them: digits grouped by a narrow no-break space,
 * decimal comma, sizes in ko/Mo/Go.
 */
final class PageText {

	private static final char GROUP = '\u202f';

	private PageText() {
	}

	static String count(long value) {
		return format(value, "#,##0");
	}

	static String size(long bytes) {
		if (bytes < 1000) {
			return bytes + "\u00a0o";
		}
		String[] units = { "ko", "Mo", "Go", "To" };
		double value = bytes;
		int unit = -1;
		while (value >= 1000 && unit < units.length - 1) {
			value /= 1000;
			unit++;
		}
		return format(value, "#,##0.#") + "\u00a0" + units[unit];
	}

	private static String format(double value, String pattern) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
		symbols.setGroupingSeparator(GROUP);
		symbols.setDecimalSeparator(',');
		return new DecimalFormat(pattern, symbols).format(value);
	}

}
