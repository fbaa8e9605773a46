package fr.territoire.ingest.xlsx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a numeric cell into plain text, ignoring its display format except to recognise
 * dates.
 *
 * <p>
 * {@code XSSFSheetXMLHandler} calls the three-argument
 * {@link #formatRawCellContents(double, int, String)} for every numeric cell (and numeric
 * formula result) that has a style; that call is routed here to the four-argument variant
 * with the workbook's own date system.
 *
 * <ul>
 * <li>Date formats become ISO {@code 2024-03-15}, or {@code 2024-03-15T08:30:00} when
 * there is a time part; a serial below 1 in the 1900 date system is a time of day alone:
 * {@code 08:30:00}.</li>
 * <li>Other numbers become plain decimal text, never in scientific notation and without
 * trailing zeros, rounded to Excel's 15 significant digits: 32517500016 gives
 * "32517500016", 12.50 gives "12.5", a stored 0.30000000000000004 gives "0.3", as Excel
 * shows it.</li>
 * </ul>
 */
final class PlainValueFormatter extends DataFormatter {

	private static final MathContext EXCEL_PRECISION = new MathContext(15);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final boolean workbookUses1904Dates;

	private final Map<Format, Boolean> dateFormats = new HashMap<>();

	PlainValueFormatter(boolean workbookUses1904Dates) {
		super(Locale.ROOT);
		this.workbookUses1904Dates = workbookUses1904Dates;
	}

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString) {
		return formatRawCellContents(value, formatIndex, formatString, workbookUses1904Dates);
	}

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
		if (isDateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
			return isoDate(value, use1904Windowing);
		}
		return plainNumber(value);
	}

	/**
	 * {@link DateUtil#isADateFormat(int, String)}, remembered per format: POI remembers
	 * only the last one, and a sheet's columns alternate between a few formats.
	 */
	private boolean isDateFormat(int formatIndex, String formatString) {
		return this.dateFormats.computeIfAbsent(new Format(formatIndex, formatString),
				(format) -> DateUtil.isADateFormat(format.index(), format.pattern()));
	}

	private record Format(int index, String pattern) {
	}

	static String plainNumber(double value) {
		if (!Double.isFinite(value)) {
			return Double.toString(value);
		}
		BigDecimal number = new BigDecimal(Double.toString(value)).round(EXCEL_PRECISION).stripTrailingZeros();
		return number.signum() == 0 ? "0" : number.toPlainString();
	}

	private static String isoDate(double serial, boolean use1904Windowing) {
		LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, use1904Windowing, true);
		if (!use1904Windowing && serial < 1) {
			return dateTime.toLocalTime().format(TIME);
		}
		if (dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return dateTime.toLocalDate().toString();
		}
		return dateTime.format(DATE_TIME);
	}

}
