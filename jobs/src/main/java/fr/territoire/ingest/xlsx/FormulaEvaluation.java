package fr.territoire.ingest.xlsx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Evaluates, with POI's formula evaluator, the formula cells of one sheet that were
 * stored without their result. The whole workbook is loaded in memory, once, at the first
 * such cell, and only when the file is no larger than the limit; a larger workbook, or a
 * formula POI cannot evaluate (an external link, an unsupported function), leaves the
 * cell unknown with the reason.
 */
final class FormulaEvaluation implements AutoCloseable {

	private final Path file;

	private final String sheetName;

	private final long limit;

	private final PlainValueFormatter formatter;

	private XSSFWorkbook workbook;

	private FormulaEvaluator evaluator;

	private String lastReason = "";

	FormulaEvaluation(Path file, String sheetName, long limit, PlainValueFormatter formatter) {
		this.file = file;
		this.sheetName = sheetName;
		this.limit = limit;
		this.formatter = formatter;
	}

	/**
	 * The value of a formula cell as text, or null when it cannot be evaluated
	 * ({@link #reason()} says why).
	 */
	String evaluate(String reference) {
		try {
			long size = Files.size(this.file);
			if (size > this.limit) {
				this.lastReason = "the workbook (" + size + " bytes) is larger than the formula evaluation limit ("
						+ this.limit + " bytes, territoire.ingest.formula-evaluation-limit) under which it is "
						+ "loaded to evaluate formulas";
				return null;
			}
			if (this.workbook == null) {
				this.workbook = new XSSFWorkbook(OPCPackage.open(this.file.toFile(), PackageAccess.READ));
				this.evaluator = this.workbook.getCreationHelper().createFormulaEvaluator();
			}
			XSSFSheet sheet = this.workbook.getSheet(this.sheetName);
			CellReference at = new CellReference(reference);
			Cell cell = (sheet == null || sheet.getRow(at.getRow()) == null) ? null
					: sheet.getRow(at.getRow()).getCell(at.getCol());
			if (cell == null) {
				this.lastReason = "the cell was not found in the workbook model";
				return null;
			}
			CellValue value = this.evaluator.evaluate(cell);
			if (value == null) {
				return "";
			}
			return switch (value.getCellType()) {
				case NUMERIC -> this.formatter.formatRawCellContents(value.getNumberValue(),
						cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
				case STRING -> value.getStringValue();
				case BOOLEAN -> Boolean.toString(value.getBooleanValue());
				case ERROR -> FormulaError.forInt(value.getErrorValue()).getString();
				default -> "";
			};
		}
		catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			this.lastReason = "POI could not evaluate it: " + ex.getMessage();
			return null;
		}
	}

	/** Why the last cell could not be evaluated. */
	String reason() {
		return this.lastReason;
	}

	/**
	 * The formula of a cell as the workbook model reads it (shared formulas resolved).
	 */
	String formulaOf(String reference) {
		if (this.workbook == null) {
			return "";
		}
		try {
			CellReference at = new CellReference(reference);
			XSSFSheet sheet = this.workbook.getSheet(this.sheetName);
			return sheet.getRow(at.getRow()).getCell(at.getCol()).getCellFormula();
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	@Override
	public void close() throws IOException {
		if (this.workbook != null) {
			this.workbook.getPackage().revert();
			this.workbook = null;
		}
	}

}
