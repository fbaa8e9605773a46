package fr.territoire.ingest.xlsx;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * POI's sheet handler, which also tells the {@link RowCollector} the type ({@code t}
 * attribute) of each cell before reporting it: {@code SheetContentsHandler} alone cannot
 * tell a boolean or an error cell from a string cell holding the same text. It also
 * reports each formula cell that has no cached value ({@code <f>} without a non-empty
 * {@code <v>}), which POI's handler reports as nothing at all.
 */
final class CellTypeAwareSheetHandler extends XSSFSheetXMLHandler {

	private final RowCollector rows;

	private String reference;

	private boolean formula;

	private boolean value;

	private boolean inFormula;

	private boolean inValue;

	private final StringBuilder formulaText = new StringBuilder();

	CellTypeAwareSheetHandler(Styles styles, SharedStrings strings, RowCollector rows, DataFormatter formatter) {
		super(styles, null, strings, rows, formatter, false);
		this.rows = rows;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
		if (isSpreadsheetMl(uri)) {
			switch (localName) {
				case "c" -> {
					this.rows.startCell(attributes.getValue("t"));
					this.reference = attributes.getValue("r");
					this.formula = false;
					this.value = false;
					this.formulaText.setLength(0);
				}
				case "f" -> {
					this.formula = true;
					this.inFormula = true;
				}
				case "v" -> this.inValue = true;
				default -> {
				}
			}
		}
		super.startElement(uri, localName, qName, attributes);
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		if (this.inFormula) {
			this.formulaText.append(ch, start, length);
		}
		if (this.inValue && length > 0 && !new String(ch, start, length).isBlank()) {
			this.value = true;
		}
		super.characters(ch, start, length);
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		super.endElement(uri, localName, qName);
		if (isSpreadsheetMl(uri)) {
			switch (localName) {
				case "f" -> this.inFormula = false;
				case "v" -> this.inValue = false;
				case "c" -> {
					if (this.formula && !this.value) {
						this.rows.formulaWithoutValue(this.reference, this.formulaText.toString());
					}
				}
				default -> {
				}
			}
		}
	}

	private static boolean isSpreadsheetMl(String uri) {
		return uri == null || uri.isEmpty() || XSSFRelation.NS_SPREADSHEETML.equals(uri);
	}

}
