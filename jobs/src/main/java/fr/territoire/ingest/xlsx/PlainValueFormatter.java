package fr.territoire.ingest.xlsx;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Formats numeric cells as data, not as Excel displays them: plain decimals without
 * exponent or trailing zeros (a SIRET stored as 3.2517500016E10 comes back as
 * 32517500016), and date-formatted serial numbers as ISO dates.
 */
final class PlainValueFormatter extends DataFormatter {

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString) {
		return formatRawCellContents(value, formatIndex, formatString, false);
	}

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
		if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
				&& DateUtil.isValidExcelDate(value)) {
			LocalDateTime dateTime = DateUtil.getLocalDateTime(value, use1904Windowing, true);
			if (dateTime.toLocalTime().toSecondOfDay() == 0) {
				return dateTime.toLocalDate().toString();
			}
			return dateTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		}
		return plain(value);
	}

	static String plain(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return String.valueOf(value);
		}
		return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
	}

}
