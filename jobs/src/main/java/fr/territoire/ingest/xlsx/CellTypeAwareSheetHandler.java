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
 * tell a boolean or an error cell from a string cell holding the same text.
 */
final class CellTypeAwareSheetHandler extends XSSFSheetXMLHandler {

	private final RowCollector rows;

	CellTypeAwareSheetHandler(Styles styles, SharedStrings strings, RowCollector rows, DataFormatter formatter) {
		super(styles, null, strings, rows, formatter, false);
		this.rows = rows;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
		if ("c".equals(localName) && (uri == null || XSSFRelation.NS_SPREADSHEETML.equals(uri))) {
			rows.startCell(attributes.getValue("t"));
		}
		super.startElement(uri, localName, qName, attributes);
	}

}
