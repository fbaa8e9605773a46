package fr.territoire.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads published Parquet files with parquet-hadoop, a reader independent of DuckDB which
 * wrote them.
 */
public final class ParquetFiles {

	private ParquetFiles() {
	}

	/** The row count recorded in the file's footer. */
	public static long rowCount(Path file) throws IOException {
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			return reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
		}
	}

	/** The column names of the file's schema. */
	public static List<String> columnNames(Path file) throws IOException {
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			return reader.getFooter().getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
		}
	}

	/** Every value of one column, as text (null for a missing value), in file order. */
	public static List<String> columnValues(Path file, String column) throws IOException {
		List<String> values = new ArrayList<>();
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			MessageType schema = reader.getFooter().getFileMetaData().getSchema();
			for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
				RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
					.getRecordReader(pages, new GroupRecordConverter(schema));
				for (long row = 0; row < pages.getRowCount(); row++) {
					Group group = records.read();
					values.add((group.getFieldRepetitionCount(column) == 0) ? null
							: group.getValueToString(group.getType().getFieldIndex(column), 0));
				}
			}
		}
		return values;
	}

	/** Every row as column name → value as text (null when absent), in one pass. */
	public static List<java.util.Map<String, String>> rows(Path file) throws IOException {
		List<java.util.Map<String, String>> rows = new ArrayList<>();
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			MessageType schema = reader.getFooter().getFileMetaData().getSchema();
			for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
				RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
					.getRecordReader(pages, new GroupRecordConverter(schema));
				for (long row = 0; row < pages.getRowCount(); row++) {
					Group group = records.read();
					java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
					for (int field = 0; field < schema.getFieldCount(); field++) {
						values.put(schema.getFieldName(field),
								(group.getFieldRepetitionCount(field) == 0) ? null : group.getValueToString(field, 0));
					}
					rows.add(values);
				}
			}
		}
		return rows;
	}

}
