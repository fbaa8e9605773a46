package fr.territoire.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.support.Launcher;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.SmallNightly;
import fr.territoire.support.WarehouseReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users keep querying {@code current.duckdb} while the nightly builds the next warehouse
 * and promotes it: a second run (the packaged jar in its own JVM) on a home that already
 * has a promoted warehouse (a copy of {@link SmallNightly}'s home on the small test
 * inbox, not a nightly of its own), while 3 reader processes (each opening a read-only
 * session per query, as {@code territoire sql} does) query in a loop until the run ends.
 * No reader fails, and every answer is the old snapshot's or the new one's.
 */
class ReadersDuringRunIntegrationTests {

	private static final TerritoireProperties.Warehouse SETTINGS = new TerritoireProperties.Warehouse("256MB", 1);

	// one answer spans two tables: a torn read would pair the run of one snapshot with
	// the territories of another
	private static final String SNAPSHOT = "SELECT (SELECT count(*) || ' ' || max(run_date) || ' ' || "
			+ "max(job_instance_id) FROM meta.run) || ' | ' || (SELECT count(*) || ' ' || "
			+ "sum(length(code) + length(name)) FROM public.territory) AS answer";

	private static final int READERS = 3;

	@TempDir
	Path home;

	@Test
	void readersOfTheCurrentWarehouseSeeTheOldOrTheNewSnapshotNeverAnError() throws Exception {
		// the home of a finished nightly of 2026-11-23 on the small inbox, copied
		SmallNightly.copyHomeTo(this.home);
		Path current = this.home.resolve("warehouse/current.duckdb");
		String before = WarehouseReader.read(current, SETTINGS, SNAPSHOT);

		Path stop = this.home.resolve("stop-readers");
		List<Process> readers = new ArrayList<>();
		List<Future<List<String>>> outputs = new ArrayList<>();
		for (int i = 0; i < READERS; i++) {
			Process reader = WarehouseReader.start(current, stop, SNAPSHOT);
			readers.add(reader);
			outputs.add(CompletableFuture.supplyAsync(() -> {
				try {
					return WarehouseReader.lines(reader);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		Launcher.Result run;
		List<String> lines = new ArrayList<>();
		try {
			run = Launcher.run("run", "nightly", "--date", "2026-11-24", "--home", this.home.toString(), "--inbox",
					SmallInbox.folder().toString());
		}
		finally {
			Files.createFile(stop);
			for (Future<List<String>> output : outputs) {
				lines.addAll(output.get(2, TimeUnit.MINUTES));
			}
			readers.forEach(Process::destroy);
		}
		assertThat(run.exitCode()).as(run.output()).isZero();
		String after = WarehouseReader.read(current, SETTINGS, SNAPSHOT);

		assertThat(after).isNotEqualTo(before).contains("2026-11-24");
		assertThat(lines).as("what the readers printed").allMatch((line) -> line.startsWith("ANSWER "));
		List<String> answers = lines.stream().map((line) -> line.substring("ANSWER ".length())).toList();
		assertThat(answers).hasSizeGreaterThan(READERS)
			.allMatch((answer) -> answer.equals(before) || answer.equals(after),
					"the old snapshot (" + before + ") or the new one (" + after + ")");
		// the readers were reading while the next warehouse was built
		assertThat(answers).contains(before);
		System.out.printf("%d answers: %d of the old snapshot, %d of the new one%n", answers.size(),
				answers.stream().filter(before::equals).count(), answers.stream().filter(after::equals).count());
	}

}
