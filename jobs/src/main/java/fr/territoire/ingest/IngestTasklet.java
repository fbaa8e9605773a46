package fr.territoire.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Loads every input file of one source into {@code raw.<source>}, every value as text,
 * with lineage. When the last good warehouse already holds exactly the same files (same
 * names, same SHA-256), its raw table is copied instead of reading the files again.
 */
public class IngestTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(IngestTasklet.class);

	private final WarehouseSession warehouse;

	private final Mapping mapping;

	private final long formulaEvaluationLimit;

	public IngestTasklet(WarehouseSession warehouse, Mapping mapping) {
		this(warehouse, mapping, fr.territoire.ingest.xlsx.XlsxSheetReader.DEFAULT_EVALUATION_LIMIT);
	}

	/**
	 * @param formulaEvaluationLimit the largest workbook (bytes) loaded whole to evaluate
	 * the formulas stored without their result
	 */
	public IngestTasklet(WarehouseSession warehouse, Mapping mapping, long formulaEvaluationLimit) {
		this.warehouse = warehouse;
		this.mapping = mapping;
		this.formulaEvaluationLimit = formulaEvaluationLimit;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		DuckDBConnection connection = this.warehouse.connection();
		List<InputFile> files = inputFiles(connection);
		Sql.execute(connection, "clear accounting",
				"DELETE FROM meta.file_accounting WHERE source = " + Sql.literal(this.mapping.source())
						+ ";\nDELETE FROM meta.unknown_column WHERE source = " + Sql.literal(this.mapping.source())
						+ ";\nDROP TABLE IF EXISTS " + CsvLayout.unknownColumnTable(this.mapping));
		boolean reused = reuseFromCurrent(connection, files);
		if (!reused) {
			createRawTable(connection);
			RawLoader loader = RawLoader.forFormat(this.mapping.format(), this.formulaEvaluationLimit);
			for (InputFile file : files) {
				long started = System.nanoTime();
				long rows = loader.load(connection, this.mapping, file);
				logger.info("Read {} rows from {} in {} ms", rows, file.name(),
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		long total = 0;
		for (List<String> row : Sql.queryRows(connection,
				"SELECT _file, count(*) FROM " + this.mapping.rawTable() + " GROUP BY _file ORDER BY _file")) {
			long rows = Long.parseLong(row.get(1));
			Sql.update(connection, "INSERT INTO meta.file_accounting VALUES (?, ?, ?, 0, 0, ?)", this.mapping.source(),
					row.get(0), rows, reused);
			total += rows;
		}
		for (InputFile file : files) {
			Sql.update(connection,
					"INSERT INTO meta.file_accounting SELECT ?, ?, 0, 0, 0, ? WHERE NOT EXISTS "
							+ "(SELECT 1 FROM meta.file_accounting WHERE source = ? AND file = ?)",
					this.mapping.source(), file.name(), reused, this.mapping.source(), file.name());
		}
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		step.setReadCount(total);
		step.setWriteCount(total);
		step.getExecutionContext().putLong("rows.read", total);
		step.getExecutionContext().putString("reused", String.valueOf(reused));
		return RepeatStatus.FINISHED;
	}

	/**
	 * The source's files as the inbox holds them now, hashed again: when a run resumes
	 * after its input was fixed (a file replaced, removed or added), the warehouse and
	 * the release record the files actually read, and the change is logged.
	 */
	private List<InputFile> inputFiles(DuckDBConnection connection) {
		Path inbox = this.warehouse.home().inbox();
		List<InputFile> files = InputDiscovery.find(inbox, this.mapping);
		if (files.isEmpty() && this.mapping.isRequired()) {
			throw new TerritoireException(ErrorCode.MISSING_INPUT, Location.file(inbox.toString()),
					"no file matches " + this.mapping.files() + " for source " + this.mapping.source());
		}
		Map<String, String> recorded = new HashMap<>();
		Sql.queryRows(connection, "SELECT file, sha256 FROM meta.input_file WHERE source = ?", this.mapping.source())
			.forEach((row) -> recorded.put(row.get(0), row.get(1)));
		InboxChanges changes = InboxChanges.between(this.mapping.source(), recorded, files);
		if (changes.any()) {
			logger.warn("The inbox changed since the discover step; reading it as it is now: {}", changes.describe());
		}
		Sql.update(connection, "DELETE FROM meta.input_file WHERE source = ?", this.mapping.source());
		for (InputFile file : files) {
			Sql.update(connection, "INSERT INTO meta.input_file VALUES (?, ?, ?, ?, ?, ?)", file.source(), file.name(),
					file.bytes(), file.sha256(), this.mapping.vintage(), Timestamp.from(Instant.now()));
		}
		return files;
	}

	private void createRawTable(DuckDBConnection connection) {
		RawTable.create(connection, this.mapping);
	}

	/**
	 * Copies the raw table from the last good warehouse when its input files are the
	 * same.
	 */
	private boolean reuseFromCurrent(DuckDBConnection connection, List<InputFile> files) {
		Path current = this.warehouse.home().currentWarehouse();
		if (!Files.isRegularFile(current) || files.isEmpty()) {
			return false;
		}
		String fingerprint = files.stream()
			.map((file) -> file.name() + "=" + file.sha256())
			.sorted()
			.collect(Collectors.joining(";"));
		Sql.execute(connection, "attach the last good warehouse",
				"ATTACH " + Sql.literal(current.toString()) + " AS previous (READ_ONLY)");
		try {
			String rows = this.mapping.rawRowsTable().substring("raw.".length());
			long tables = Sql.queryLong(connection,
					"SELECT count(*) FROM duckdb_tables() WHERE database_name = 'previous' AND schema_name = 'raw' "
							+ "AND table_name = ?",
					rows);
			if (tables == 0) {
				return false;
			}
			List<List<String>> previousColumns = Sql.queryRows(connection,
					"SELECT string_agg(column_name, ',' ORDER BY column_index) FROM duckdb_columns() "
							+ "WHERE database_name = 'previous' AND schema_name = 'raw' AND table_name = ?",
					rows);
			String expectedColumns = "_file,_record," + String.join(",", this.mapping.rawColumns());
			if (!expectedColumns.equals(previousColumns.get(0).get(0))) {
				return false;
			}
			List<List<String>> previous = Sql.queryRows(connection,
					"SELECT string_agg(file || '=' || sha256, ';' ORDER BY file || '=' || sha256) "
							+ "FROM previous.meta.input_file WHERE source = ?",
					this.mapping.source());
			if (previous.isEmpty() || !fingerprint.equals(previous.get(0).get(0))) {
				return false;
			}
			Sql.execute(connection, "copy unchanged raw table", "CREATE OR REPLACE TABLE " + this.mapping.rawRowsTable()
					+ " AS SELECT * FROM previous." + this.mapping.rawRowsTable());
			RawTable.refreshView(connection, this.mapping);
			copyUnknownColumns(connection);
			logger.info("Unchanged input files for {}: raw table copied from the last good warehouse",
					this.mapping.source());
			return true;
		}
		finally {
			Sql.execute(connection, "detach the last good warehouse", "DETACH previous");
		}
	}

	/** Unknown columns reported and kept by the last good warehouse, copied along. */
	private void copyUnknownColumns(DuckDBConnection connection) {
		String table = CsvLayout.unknownColumnTable(this.mapping);
		long kept = Sql.queryLong(connection,
				"SELECT count(*) FROM duckdb_tables() WHERE database_name = 'previous' AND schema_name = 'raw' "
						+ "AND table_name = ?",
				table.substring("raw.".length()));
		if (kept > 0) {
			Sql.execute(connection, "copy unknown columns", "CREATE OR REPLACE TABLE " + table
					+ " AS SELECT * FROM previous." + table + ";\n"
					+ "INSERT INTO meta.unknown_column SELECT * FROM previous.meta.unknown_column WHERE source = "
					+ Sql.literal(this.mapping.source()));
		}
	}

}
