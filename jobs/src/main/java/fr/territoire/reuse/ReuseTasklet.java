package fr.territoire.reuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code reuse} step, right after {@code discover}: fingerprints the run (inputs from
 * {@code meta.input_file}, configuration, code: {@link RunFingerprint}) and compares it
 * with the one recorded by the last promoted run in {@code current.duckdb}. When all
 * three are the same and that run's release is the one {@code latest} points at, the run
 * reuses it: every computing step is skipped ({@link SkipWhenReused}), the publish step
 * republishes that release under the new id, the promotion keeps the warehouse. The
 * decision is recorded in {@code meta.run_fingerprint} of the warehouse under
 * construction, so that a restarted run keeps it. Idempotent.
 */
public class ReuseTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ReuseTasklet.class);

	private final WarehouseSession warehouse;

	private final String settings;

	/**
	 * @param warehouse the warehouse session
	 * @param settings the settings that change outputs, in words (part of the
	 * configuration's fingerprint)
	 */
	public ReuseTasklet(WarehouseSession warehouse, String settings) {
		this.warehouse = warehouse;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		long instance = step.getJobExecution().getJobInstance().getInstanceId();
		DuckDBConnection connection = this.warehouse.connection();
		long started = System.nanoTime();
		RunFingerprint fingerprint = new RunFingerprint(RunFingerprint.inputsOf(connection),
				RunFingerprint.configurationOf(this.warehouse.home().project(), this.settings), RunFingerprint
					.codeOf(Sql.queryRows(connection, "SELECT library_version FROM pragma_version()").get(0).get(0)));
		long millis = (System.nanoTime() - started) / 1_000_000;
		Decision decision = decide(connection, fingerprint);
		Sql.update(connection, "DELETE FROM meta.run_fingerprint WHERE job_instance_id = ?", instance);
		Sql.update(connection, "INSERT INTO meta.run_fingerprint VALUES (?, ?, ?, ?, ?, ?)", instance,
				fingerprint.inputs(), fingerprint.configuration(), fingerprint.code(), decision.release().orElse(null),
				decision.reason());
		if (decision.release().isPresent()) {
			logger.info(
					"Reuse: {}; every computing step is skipped and release {} is republished (fingerprints in {} ms)",
					decision.reason(), decision.release().get(), millis);
			step.getExecutionContext().putString("reused.release", decision.release().get());
		}
		else {
			logger.info("No reuse: {}; every step computes (fingerprints in {} ms)", decision.reason(), millis);
		}
		step.getExecutionContext().putString("reuse.reason", decision.reason());
		return RepeatStatus.FINISHED;
	}

	/** Whether the run reuses the last promoted release, and why (or why not). */
	private Decision decide(DuckDBConnection connection, RunFingerprint fingerprint) {
		Path current = this.warehouse.home().currentWarehouse();
		if (!Files.isRegularFile(current)) {
			return Decision.no("no promoted run to compare with");
		}
		Sql.execute(connection, "attach the last good warehouse",
				"ATTACH " + Sql.literal(current.toString()) + " AS previous (READ_ONLY)");
		try {
			if (Sql.queryLong(connection, "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'previous' "
					+ "AND schema_name = 'meta' AND table_name = 'run_fingerprint'") == 0) {
				return Decision.no("the last promoted run recorded no fingerprint (an older version built it)");
			}
			List<List<String>> last = Sql.queryRows(connection,
					"SELECT inputs, configuration, code FROM previous.meta.run_fingerprint "
							+ "ORDER BY job_instance_id DESC LIMIT 1");
			List<List<String>> run = Sql.queryRows(connection, "SELECT job_instance_id, CAST(run_date AS VARCHAR) "
					+ "FROM previous.meta.run ORDER BY started_at DESC LIMIT 1");
			if (last.isEmpty() || run.isEmpty()) {
				return Decision.no("the last promoted run recorded no fingerprint");
			}
			String release = run.get(0).get(1) + "-" + run.get(0).get(0);
			List<String> changed = new ArrayList<>();
			if (!fingerprint.inputs().equals(last.get(0).get(0))) {
				changed.add("inputs (" + changedSources(connection) + ")");
			}
			if (!fingerprint.configuration().equals(last.get(0).get(1))) {
				changed.add("configuration (mappings/, warehouse/, partners/ or settings)");
			}
			if (!fingerprint.code().equals(last.get(0).get(2))) {
				changed.add("code (other classes or another DuckDB)");
			}
			if (!changed.isEmpty()) {
				return Decision.no("changed since release " + release + ": " + String.join(", ", changed));
			}
			Optional<String> problem = releaseProblem(release);
			if (problem.isPresent()) {
				return Decision
					.no("inputs, configuration and code unchanged since release " + release + ", but " + problem.get());
			}
			return new Decision(Optional.of(release),
					"inputs, configuration and code unchanged since release " + release);
		}
		finally {
			Sql.execute(connection, "detach the last good warehouse", "DETACH previous");
		}
	}

	/** The sources whose files differ from the last promoted run's. */
	private static String changedSources(DuckDBConnection connection) {
		List<List<String>> rows = Sql.queryRows(connection, """
				SELECT coalesce(n.source, p.source) AS source
				FROM (SELECT source, file, bytes, sha256 FROM meta.input_file) n
				FULL JOIN (SELECT source, file, bytes, sha256 FROM previous.meta.input_file) p
				  ON n.source = p.source AND n.file = p.file AND n.bytes = p.bytes AND n.sha256 = p.sha256
				WHERE n.source IS NULL OR p.source IS NULL
				GROUP BY ALL ORDER BY 1""");
		return rows.isEmpty() ? "none by name" : String.join(", ", rows.stream().map((row) -> row.get(0)).toList());
	}

	/** Why the release of the last promoted run cannot be republished, if it cannot. */
	private Optional<String> releaseProblem(String release) {
		Path folder = this.warehouse.home().releases().resolve(release);
		Path latest = this.warehouse.home().latestRelease();
		try {
			if (!Files.isSymbolicLink(latest)
					|| !Files.readSymbolicLink(latest).getFileName().toString().equals(release)) {
				return Optional.of("latest does not point at its release");
			}
		}
		catch (IOException ex) {
			return Optional.of("latest cannot be read (" + ex.getMessage() + ")");
		}
		if (!Files.isRegularFile(folder.resolve("SHA256SUMS"))
				|| !Files.isRegularFile(folder.resolve("manifest.json"))) {
			return Optional.of("its release " + folder + " is missing or incomplete");
		}
		return Optional.empty();
	}

	private record Decision(Optional<String> release, String reason) {

		static Decision no(String reason) {
			return new Decision(Optional.empty(), reason);
		}

	}

}
