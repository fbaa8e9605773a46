package fr.territoire.warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line asks the warehouse, from another thread, how far its running
 * statement is: DuckDB's rows processed out of rows to process, nothing when no statement
 * runs or the warehouse is not open.
 */
class RunningQueryTests {

	private static final long ROWS = 10_000_000;

	@Test
	void aRunningStatementReportsRowsProcessedOutOfItsRowsAndNothingOnceItEnds(@TempDir Path home) throws Exception {
		try (WarehouseSession warehouse = new WarehouseSession(
				new TerritoireHome(home, SampleExpectations.PROJECT, home),
				new TerritoireProperties.Warehouse("1GB", 2))) {
			assertThat(warehouse.runningQuery()).as("not open yet").isEmpty();
			var connection = warehouse.connection();
			assertThat(warehouse.runningQuery()).as("open, nothing running").isEmpty();
			CompletableFuture<Void> running = CompletableFuture.runAsync(() -> Sql.execute(connection, "sort",
					"CREATE TABLE sorted AS SELECT i, md5(i::VARCHAR) AS h FROM range(" + ROWS + ") r(i) ORDER BY h"));
			List<RunningQuery> seen = new ArrayList<>();
			while (!running.isDone()) {
				warehouse.runningQuery().ifPresent(seen::add);
				Thread.sleep(50);
			}
			running.get();
			assertThat(seen).as("progress seen while the statement ran").isNotEmpty();
			for (RunningQuery progress : seen) {
				assertThat(progress.totalRows()).isPositive();
				assertThat(progress.rows()).isBetween(0L, progress.totalRows());
				assertThat(progress.percent()).isBetween(0.0, 100.0);
			}
			// the source's rows are part of what DuckDB counts
			assertThat(seen.get(seen.size() - 1).totalRows()).isGreaterThanOrEqualTo(ROWS);
			assertThat(warehouse.runningQuery()).as("ended").isEmpty();
		}
	}

}
