package fr.territoire.normalise;

import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one source's raw rows with its staging model, set-based in DuckDB: valid rows
 * become the staging table, the others go to {@code quality.rejected_row}; per file, rows
 * read must equal rows staged plus rows rejected, and the counts are written to
 * {@code meta.file_accounting}.
 */
public final class Normaliser {

	private static final Logger logger = LoggerFactory.getLogger(Normaliser.class);

	private Normaliser() {
	}

	/**
	 * Stages and quarantines the source's raw rows.
	 * @param connection the warehouse
	 * @param mapping the source's mapping
	 * @param model its staging model
	 * @return the counts of the whole source
	 */
	public static Counts run(DuckDBConnection connection, Mapping mapping, SqlModel model) {
		String source = Sql.literal(mapping.source());
		// One pass writes every row with its verdict; rejected rows are then copied to
		// the
		// quarantine and deleted, and the verdict column dropped (DuckDB drops a column
		// without rewriting the table): cheaper than materialising the rows twice. Rows
		// carry their lineage (_file, _record), so the staging table need not keep the
		// raw table's order, which lets DuckDB write it from both threads at once.
		Sql.execute(connection, "unordered writes", "SET preserve_insertion_order = false");
		try {
			Sql.execute(connection, "validate " + mapping.source() + " with " + model.table(),
					"CREATE OR REPLACE TABLE " + model.table() + " AS\n" + model.sql());
		}
		finally {
			Sql.execute(connection, "ordered writes", "RESET preserve_insertion_order");
		}
		Sql.execute(connection, "quarantine rejected rows",
				"DELETE FROM quality.rejected_row WHERE source = " + source
						+ ";\nINSERT INTO quality.rejected_row SELECT " + source
						+ ", _file, _record, reject.rule, reject.column_name, reject.value, reject.message FROM "
						+ model.table() + " WHERE reject IS NOT NULL;\nDELETE FROM " + model.table()
						+ " WHERE reject IS NOT NULL;\nALTER TABLE " + model.table() + " DROP COLUMN reject");
		String duplicates = StagingSql.duplicateRows(mapping, model.table());
		if (duplicates != null) {
			Sql.execute(connection, "find duplicate keys",
					"CREATE OR REPLACE TEMP TABLE duplicate_row AS " + duplicates);
			if (Sql.queryLong(connection, "SELECT count(*) FROM duplicate_row") > 0) {
				Sql.execute(connection, "quarantine duplicate keys",
						"INSERT INTO quality.rejected_row SELECT " + source + ", _file, _record, 'duplicate_key', "
								+ Sql.literal(String.join(", ", mapping.target().key())) + ", value, "
								+ Sql.literal(StagingSql.duplicateMessage(mapping))
								+ " FROM duplicate_row;\nDELETE FROM " + model.table()
								+ " s WHERE EXISTS (SELECT 1 FROM duplicate_row d WHERE d._file = s._file "
								+ "AND d._record = s._record)");
			}
			Sql.execute(connection, "drop duplicate keys", "DROP TABLE duplicate_row");
		}
		long read = 0;
		long staged = 0;
		long rejected = 0;
		for (List<String> row : Sql.queryRows(connection, """
				SELECT a.file, a.rows_read, coalesce(s.n, 0), coalesce(r.n, 0)
				FROM meta.file_accounting a
				LEFT JOIN (SELECT _file, count(*) AS n FROM %s GROUP BY _file) s ON s._file = a.file
				LEFT JOIN (SELECT file, count(*) AS n FROM quality.rejected_row WHERE source = %s GROUP BY file) r
				       ON r.file = a.file
				WHERE a.source = %s ORDER BY a.file""".formatted(model.table(), source, source))) {
			String file = row.get(0);
			long fileRead = Long.parseLong(row.get(1));
			long fileStaged = Long.parseLong(row.get(2));
			long fileRejected = Long.parseLong(row.get(3));
			if (fileRead != fileStaged + fileRejected) {
				throw new TerritoireException(ErrorCode.ROW_ACCOUNTING, Location.file(file),
						"rows read (" + fileRead + ") differ from rows staged (" + fileStaged + ") plus rows rejected ("
								+ fileRejected + ") in " + model.table()
								+ ": the staging model must return every raw row exactly once");
			}
			Sql.update(connection, "UPDATE meta.file_accounting SET rows_staged = ?, rows_rejected = ? "
					+ "WHERE source = ? AND file = ?", fileStaged, fileRejected, mapping.source(), file);
			logger.info("{}: {} rows read = {} staged + {} rejected", file, fileRead, fileStaged, fileRejected);
			read += fileRead;
			staged += fileStaged;
			rejected += fileRejected;
		}
		return new Counts(read, staged, rejected);
	}

	/**
	 * Rows of a source.
	 *
	 * @param read rows read from its files
	 * @param staged rows staged
	 * @param rejected rows quarantined
	 */
	public record Counts(long read, long staged, long rejected) {

	}

}
