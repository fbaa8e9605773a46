package fr.territoire.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of one sheet of an xlsx workbook with POI's SAX event API: the
 * workbook is never loaded whole, whatever its size. The sheet's dimension tag is ignored
 * (INSEE's workbooks carry a wrong one); formula cells give their cached value; error
 * cells give Excel's error text (e.g. {@code #DIV/0!}); rows with only empty cells are
 * skipped. Merged cells hold their value in their first cell only.
 */
public final class XlsxSheetReader {

	private XlsxSheetReader() {
	}

	/** Streams every non-empty row of the selected sheet, in order, to the consumer. */
	public static void read(Path file, SheetSelector sheet, Consumer<XlsxRow> consumer) throws XlsxReadException {
		try (OPCPackage workbook = open(file)) {
			XSSFReader reader = new XSSFReader(workbook);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			List<String> names = new ArrayList<>();
			int position = 0;
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					position++;
					names.add(sheets.getSheetName());
					if (sheet.matches(sheets.getSheetName(), position)) {
						parse(in, styles, strings, consumer);
						return;
					}
				}
			}
			throw new XlsxReadException(XlsxReadException.Code.SHEET_NOT_FOUND, file,
					file.getFileName() + " has no sheet " + sheet + "; sheets: " + names, null);
		}
		catch (IOException | OpenXML4JException | SAXException | POIXMLException | IllegalStateException ex) {
			throw classify(file, ex);
		}
	}

	/** The names of the workbook's sheets, in order. */
	public static List<String> sheetNames(Path file) throws XlsxReadException {
		try (OPCPackage workbook = open(file)) {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(workbook).getSheetsData();
			List<String> names = new ArrayList<>();
			while (sheets.hasNext()) {
				sheets.next().close();
				names.add(sheets.getSheetName());
			}
			return names;
		}
		catch (IOException | OpenXML4JException | POIXMLException | IllegalStateException ex) {
			throw classify(file, ex);
		}
	}

	private static OPCPackage open(Path file) throws XlsxReadException, InvalidFormatException {
		try {
			return OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (OLE2NotOfficeXmlFileException ex) {
			throw new XlsxReadException(XlsxReadException.Code.ENCRYPTED, file, file.getFileName()
					+ " is an OLE2 container, not an xlsx workbook: it is password-protected (or a legacy .xls); "
					+ "save it without a password as .xlsx", ex);
		}
		catch (NotOfficeXmlFileException | EmptyFileException ex) {
			throw new XlsxReadException(XlsxReadException.Code.NOT_A_WORKBOOK, file,
					file.getFileName() + " is not an xlsx workbook: " + ex.getMessage(), ex);
		}
	}

	private static void parse(InputStream in, StylesTable styles, ReadOnlySharedStringsTable strings,
			Consumer<XlsxRow> consumer) throws IOException, SAXException {
		try {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(consumer),
					new PlainValueFormatter(), false));
			parser.parse(new InputSource(in));
		}
		catch (javax.xml.parsers.ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static XlsxReadException classify(Path file, Exception ex) {
		if (ex instanceof XlsxReadException readException) {
			return readException;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Zip bomb") || message.contains("MIN_INFLATE_RATIO")
					|| message.contains("max entry size")) {
				return new XlsxReadException(XlsxReadException.Code.ZIP_BOMB, file,
						file.getFileName() + " is refused: its compression ratio is extreme (zip bomb protection)", ex);
			}
		}
		return new XlsxReadException(XlsxReadException.Code.CORRUPT, file,
				file.getFileName() + " is a damaged workbook: " + ex.getMessage(), ex);
	}

	/** Collects cells into rows, skipping rows with only empty cells. */
	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<XlsxRow> consumer;

		private final List<String> cells = new ArrayList<>();

		private RowCollector(Consumer<XlsxRow> consumer) {
			this.consumer = consumer;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			int last = this.cells.size();
			while (last > 0 && this.cells.get(last - 1).isEmpty()) {
				last--;
			}
			if (last > 0) {
				this.consumer.accept(new XlsxRow(rowNum + 1, this.cells.subList(0, last)));
			}
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = columnIndex(reference);
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			String value = (formattedValue != null) ? formattedValue.strip() : "";
			if (value.startsWith("ERROR:")) {
				value = value.substring("ERROR:".length());
			}
			if (this.cells.size() == column) {
				this.cells.add(value);
			}
			else {
				this.cells.set(column, value);
			}
		}

		private static int columnIndex(String reference) {
			int index = 0;
			for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
				index = index * 26 + (reference.charAt(i) - 'A' + 1);
			}
			return index - 1;
		}

	}

}
