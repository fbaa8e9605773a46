package fr.territoire.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.mapping.Mapping;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a mapping's columns are in a workbook the partner sent: the sheet's name and the
 * column letter of each header, found as the ingestion finds the header row (a fixed row,
 * or the first row holding every {@code contains} value). Workbooks above
 * {@link #MAX_BYTES} are not opened (the return file then gives the header name only).
 *
 * @param sheet the sheet's name, null when unknown
 * @param letters the column letter of each header name
 */
record SheetColumns(String sheet, Map<String, String> letters) {

	static final long MAX_BYTES = 32L * 1024 * 1024;

	static final SheetColumns UNKNOWN = new SheetColumns("", Map.of());

	private static final Logger logger = LoggerFactory.getLogger(SheetColumns.class);

	static SheetColumns of(Mapping mapping, Path file) {
		if (mapping.format() != Mapping.Format.XLSX || !Files.isRegularFile(file)) {
			return UNKNOWN;
		}
		try {
			if (Files.size(file) > MAX_BYTES) {
				return new SheetColumns(mapping.sheet() != null ? mapping.sheet() : "", Map.of());
			}
			try (OPCPackage opc = OPCPackage.open(file.toString(), PackageAccess.READ);
					XSSFWorkbook workbook = new XSSFWorkbook(opc)) {
				Sheet sheet = (mapping.sheetPosition() != null) ? workbook.getSheetAt(mapping.sheetPosition() - 1)
						: workbook.getSheet(mapping.sheet());
				if (sheet == null) {
					return UNKNOWN;
				}
				Row header = header(sheet, java.util.Objects.requireNonNull(mapping.header()));
				Map<String, String> letters = new LinkedHashMap<>();
				if (header != null) {
					DataFormatter formatter = new DataFormatter();
					header.forEach((cell) -> letters.putIfAbsent(formatter.formatCellValue(cell).strip(),
							CellReference.convertNumToColString(cell.getColumnIndex())));
				}
				return new SheetColumns(sheet.getSheetName(), letters);
			}
		}
		catch (Exception ex) {
			logger.warn("The columns of {} could not be read for the return file: {}", file, ex.toString());
			return UNKNOWN;
		}
	}

	private static Row header(Sheet sheet, Mapping.Header header) {
		if (header.row() != null) {
			return sheet.getRow(header.row() - 1);
		}
		DataFormatter formatter = new DataFormatter();
		List<String> wanted = java.util.Objects.requireNonNull(header.contains());
		for (Row row : sheet) {
			List<String> values = new java.util.ArrayList<>();
			row.forEach((cell) -> values.add(formatter.formatCellValue(cell).strip()));
			if (values.containsAll(wanted)) {
				return row;
			}
		}
		return null;
	}

	/** The column letter of a header, or empty. */
	String letter(String header) {
		return this.letters.getOrDefault(header, "");
	}

}
