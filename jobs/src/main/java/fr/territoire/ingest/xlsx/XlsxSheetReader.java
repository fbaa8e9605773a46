package fr.territoire.ingest.xlsx;

import fr.territoire.ingest.xlsx.XlsxReadException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams one sheet of an .xlsx workbook row by row with Apache POI's SAX event API, so
 * that memory use does not grow with the sheet: only the shared strings and styles are
 * held in memory.
 *
 * <p>
 * Cell values come as text: strings as they are; numbers as plain decimals
 * ("32517500016", "12.5", never "3.2517500016E10" nor "859.0"), rounded to Excel's 15
 * significant digits; numbers in a date format as ISO dates ("2024-03-15",
 * "2024-03-15T08:30:00", or "08:30:00" for a time of day alone); formulas as their cached
 * result, never the formula text; a formula stored without its result (as some programs
 * write workbooks) evaluated with POI's formula evaluator when the workbook is no larger
 * than the evaluation limit (the whole workbook is then loaded once), else listed in
 * {@link XlsxRow#uncachedFormulas()} with the reason, never read as empty; errors as
 * Excel shows them ("#DIV/0!", "#N/A"); booleans as "true" / "false". The value of merged
 * cells is in their first cell only, the others read as empty. The sheet's
 * {@code <dimension>} element is ignored, as it is often wrong. Rows whose cells are all
 * empty are skipped.
 */
public final class XlsxSheetReader {

	/**
	 * The default size under which a workbook is loaded whole to evaluate the formulas
	 * stored without their result.
	 */
	public static final long DEFAULT_EVALUATION_LIMIT = 5L * 1024 * 1024;

	private XlsxSheetReader() {
	}

	/**
	 * Streams every non-empty row of the selected sheet with the default evaluation
	 * limit.
	 * @see #read(Path, SheetSelector, long, Consumer)
	 */
	public static void read(Path file, SheetSelector sheet, Consumer<XlsxRow> consumer) throws XlsxReadException {
		read(file, sheet, DEFAULT_EVALUATION_LIMIT, consumer);
	}

	/**
	 * Streams every non-empty row of the selected sheet, in order, to the consumer.
	 *
	 * <p>
	 * Damage or a zip bomb may be found only part-way through the sheet, after some rows
	 * were delivered: a caller should treat the rows it received as void when this method
	 * throws.
	 * @param file the .xlsx workbook, opened read-only
	 * @param sheet which sheet to read
	 * @param evaluationLimit the largest workbook (bytes) loaded whole to evaluate the
	 * formulas stored without their result
	 * @param consumer receives each row; whatever it throws reaches the caller unchanged
	 * @throws XlsxReadException if the file is not a readable .xlsx workbook or has no
	 * such sheet
	 */
	public static void read(Path file, SheetSelector sheet, long evaluationLimit, Consumer<XlsxRow> consumer)
			throws XlsxReadException {
		Objects.requireNonNull(file, "file is null");
		Objects.requireNonNull(sheet, "sheet is null");
		RowCollector rows = new RowCollector(consumer);
		String sheetLabel = sheet.describe();
		try (OPCPackage workbook = WorkbookPackage.open(file, sheetLabel)) {
			XSSFReader reader = new XSSFReader(workbook);
			OpenSheet opened = openSheet(reader, file, sheet);
			PlainValueFormatter formatter = new PlainValueFormatter(usesDate1904(reader));
			try (InputStream sheetData = opened.data();
					FormulaEvaluation evaluation = new FormulaEvaluation(file, opened.name(), evaluationLimit,
							formatter)) {
				StylesTable styles = reader.getStylesTable();
				rows.evaluateWith(evaluation);
				parse(sheetData, new CellTypeAwareSheetHandler(styles == null ? new StylesTable() : styles,
						PlainSharedStrings.of(workbook), rows, formatter));
			}
		}
		catch (XlsxReadException failure) {
			throw failure;
		}
		catch (Exception failure) {
			if (rows.consumerFailure() != null) {
				throw rows.consumerFailure();
			}
			throw WorkbookPackage.failure(file, sheetLabel, failure);
		}
	}

	/**
	 * Lists the sheet names of a workbook, in tab order (hidden sheets included).
	 * @param file the .xlsx workbook, opened read-only
	 * @return the sheet names, unmodifiable
	 * @throws XlsxReadException if the file is not a readable .xlsx workbook
	 */
	public static List<String> sheetNames(Path file) throws XlsxReadException {
		Objects.requireNonNull(file, "file is null");
		try (OPCPackage workbook = WorkbookPackage.open(file, null)) {
			return namesOf(new XSSFReader(workbook));
		}
		catch (XlsxReadException failure) {
			throw failure;
		}
		catch (Exception failure) {
			throw WorkbookPackage.failure(file, null, failure);
		}
	}

	private record OpenSheet(InputStream data, String name) {
	}

	private static OpenSheet openSheet(XSSFReader reader, Path file, SheetSelector selector) throws Exception {
		XSSFReader.SheetIterator sheets = reader.getSheetIterator();
		for (int position = 1; sheets.hasNext(); position++) {
			InputStream sheetData = sheets.next();
			if (matches(selector, position, sheets.getSheetName())) {
				return new OpenSheet(sheetData, sheets.getSheetName());
			}
			sheetData.close();
		}
		throw new XlsxReadException(Code.SHEET_NOT_FOUND, file, selector.describe(),
				"no such sheet; the workbook has " + namesOf(reader), null);
	}

	private static boolean matches(SheetSelector selector, int position, String name) {
		if (selector instanceof SheetSelector.ByPosition byPosition) {
			return byPosition.position() == position;
		}
		String wanted = ((SheetSelector.ByName) selector).name();
		return normalized(wanted).equals(normalized(name));
	}

	private static String normalized(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	private static List<String> namesOf(XSSFReader reader) throws Exception {
		List<String> names = new ArrayList<>();
		XSSFReader.SheetIterator sheets = reader.getSheetIterator();
		while (sheets.hasNext()) {
			sheets.next().close();
			names.add(sheets.getSheetName());
		}
		return List.copyOf(names);
	}

	/**
	 * Reads {@code <workbookPr date1904="1"/>}: Mac workbooks may count days from 1904
	 * instead of 1900.
	 */
	private static boolean usesDate1904(XSSFReader reader) throws Exception {
		boolean[] date1904 = { false };
		try (InputStream workbookData = reader.getWorkbookData()) {
			parse(workbookData, new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					if ("workbookPr".equals(localName)) {
						String value = attributes.getValue("date1904");
						date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
					}
				}
			});
		}
		return date1904[0];
	}

	private static void parse(InputStream xml, ContentHandler handler) throws Exception {
		XMLReader parser = XMLHelper.newXMLReader();
		parser.setContentHandler(handler);
		parser.parse(new InputSource(xml));
	}

}
