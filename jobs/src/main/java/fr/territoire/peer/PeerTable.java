package fr.territoire.peer;

import java.sql.SQLException;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes {@code mart.territory_peer} with DuckDB's appender: the table is recreated with
 * the columns of {@code warehouse/peers.yaml} ({@link PeerColumns}), then every level's
 * neighbours are appended, in one transaction.
 */
final class PeerTable {

	private final DuckDBConnection connection;

	private final PeerSpec spec;

	private PeerTable(DuckDBConnection connection, PeerSpec spec) {
		this.connection = connection;
		this.spec = spec;
	}

	/** A level's territories and their neighbours. */
	record LevelNeighbours(String level, java.util.List<String> codes, Neighbours neighbours) {
	}

	/**
	 * Replaces the table's rows by those of the levels given.
	 * @return the rows written
	 */
	static long write(DuckDBConnection connection, PeerSpec spec, Iterable<LevelNeighbours> levels) {
		return new PeerTable(connection, spec).write(levels);
	}

	private long write(Iterable<LevelNeighbours> levels) {
		Sql.execute(this.connection, "begin writing " + PeerColumns.TABLE, "BEGIN TRANSACTION");
		try {
			Sql.execute(this.connection, "create " + PeerColumns.TABLE, PeerColumns.createTable(this.spec));
			long rows = 0;
			String[] table = PeerColumns.TABLE.split("\\.");
			try (DuckDBAppender appender = this.connection.createAppender(table[0], table[1])) {
				for (LevelNeighbours level : levels) {
					rows += append(appender, level);
				}
			}
			Sql.execute(this.connection, "commit " + PeerColumns.TABLE, "COMMIT");
			return rows;
		}
		catch (SQLException | RuntimeException ex) {
			Sql.execute(this.connection, "roll back " + PeerColumns.TABLE, "ROLLBACK");
			if (ex instanceof TerritoireException territoire) {
				throw territoire;
			}
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"writing " + PeerColumns.TABLE + ": " + ex.getMessage(), ex);
		}
	}

	private long append(DuckDBAppender appender, LevelNeighbours level) throws SQLException {
		Neighbours neighbours = level.neighbours();
		long rows = 0;
		for (int territory = 0; territory < level.codes().size(); territory++) {
			for (int order = 1; order <= neighbours.k(); order++) {
				int peer = neighbours.peer(territory, order);
				if (peer < 0) {
					break;
				}
				appender.beginRow();
				appender.append(level.level());
				appender.append(level.codes().get(territory));
				appender.append(level.codes().get(peer));
				appender.append(order);
				appender.append(neighbours.distance(territory, order));
				for (int feature = 0; feature < neighbours.features(); feature++) {
					appender.append(neighbours.contribution(territory, order, feature));
				}
				appender.endRow();
				rows++;
			}
		}
		return rows;
	}

}
