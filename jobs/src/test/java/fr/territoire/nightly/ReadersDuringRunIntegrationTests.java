package fr.territoire.nightly;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.query.WarehouseQuerySession;
import fr.territoire.support.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users keep querying {@code current.duckdb} while the nightly builds the next warehouse
 * and promotes it: a second run (the packaged jar in its own JVM) on a home that already
 * has a promoted warehouse, while 3 readers (each opening its own read-only session, as
 * {@code territoire sql} does) query in a loop until the run ends. No reader fails, and
 * every answer is the old snapshot's or the new one's, never a mix or an error.
 */
class ReadersDuringRunIntegrationTests {

	private static final TerritoireProperties.Warehouse SETTINGS = new TerritoireProperties.Warehouse("256MB", 1);

	// one answer spans two tables: a torn read would pair the run of one snapshot with
	// the territories of another
	private static final String SNAPSHOT = "SELECT (SELECT count(*) || ' ' || max(run_date) || ' ' || max(job_instance_id)"
			+ " FROM meta.run) || ' | ' || (SELECT count(*) || ' ' || sum(length(code) + length(name)) "
			+ "FROM public.territory) AS answer";

	private static final int READERS = 3;

	@TempDir
	Path home;

	@Test
	void readersOfTheCurrentWarehouseSeeTheOldOrTheNewSnapshotNeverAnError() throws Exception {
		Launcher.Result first = Launcher.run("run", "nightly", "--date", "2026-11-23", "--home", this.home.toString());
		assertThat(first.exitCode()).as(first.output()).isZero();
		Path current = this.home.resolve("warehouse/current.duckdb");
		String before = snapshot(current);

		CompletableFuture<Launcher.Result> second = CompletableFuture.supplyAsync(() -> {
			try {
				return Launcher.run("run", "nightly", "--date", "2026-11-24", "--home", this.home.toString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		AtomicBoolean stop = new AtomicBoolean();
		List<String> answers = Collections.synchronizedList(new ArrayList<>());
		List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < READERS; i++) {
			Thread reader = new Thread(() -> {
				while (!stop.get()) {
					try {
						answers.add(snapshot(current));
						Thread.sleep(20);
					}
					catch (Throwable ex) {
						errors.add(ex);
					}
				}
			}, "reader-" + i);
			reader.start();
			readers.add(reader);
		}
		Launcher.Result run;
		try {
			run = second.get(3, TimeUnit.MINUTES);
		}
		finally {
			stop.set(true);
			for (Thread reader : readers) {
				reader.join(TimeUnit.SECONDS.toMillis(30));
			}
		}
		assertThat(run.exitCode()).as(run.output()).isZero();
		String after = snapshot(current);

		assertThat(after).isNotEqualTo(before).contains("2026-11-24");
		assertThat(errors).isEmpty();
		assertThat(answers).hasSizeGreaterThan(READERS)
			.allMatch((answer) -> answer.equals(before) || answer.equals(after),
					"the old snapshot (" + before + ") or the new one (" + after + ")");
		// the readers were running while the next warehouse was built
		assertThat(answers).contains(before);
	}

	private static String snapshot(Path current) throws SQLException {
		StringWriter text = new StringWriter();
		try (WarehouseQuerySession session = WarehouseQuerySession.open(current, SETTINGS)) {
			session.execute(SNAPSHOT, (result, out) -> {
				result.next();
				out.print(result.getString(1));
				return 1;
			}, new PrintWriter(text));
		}
		return text.toString();
	}

}
