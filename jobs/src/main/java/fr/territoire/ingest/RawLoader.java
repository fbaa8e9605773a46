package fr.territoire.ingest;

import fr.territoire.ingest.xlsx.XlsxSheetReader;
import fr.territoire.mapping.Mapping;
import org.duckdb.DuckDBConnection;

/**
 * Loads one input file into its source's raw table: the mapping's columns as text, plus
 * lineage columns {@code _file} (the file as named in the inbox) and {@code _record} (the
 * 1-based data record of a text file, or the sheet row of a workbook).
 */
public interface RawLoader {

	/**
	 * Appends the file's rows to {@code raw.<source>}, which exists with the right
	 * columns.
	 * @param connection the warehouse
	 * @param mapping the source's mapping
	 * @param file the file
	 * @return the number of rows read from the file
	 */
	long load(DuckDBConnection connection, Mapping mapping, InputFile file);

	/** The loader for a format, with the default settings. */
	static RawLoader forFormat(Mapping.Format format) {
		return forFormat(format, XlsxSheetReader.DEFAULT_EVALUATION_LIMIT);
	}

	/**
	 * The loader for a format.
	 * @param format the format
	 * @param formulaEvaluationLimit the largest workbook (bytes) loaded whole to evaluate
	 * the formulas stored without their result
	 */
	static RawLoader forFormat(Mapping.Format format, long formulaEvaluationLimit) {
		return switch (format) {
			case CSV -> new CsvRawLoader();
			case JSON -> new JsonRawLoader();
			case XLSX -> new XlsxRawLoader(formulaEvaluationLimit);
			case PARQUET -> new ParquetRawLoader();
		};
	}

}
