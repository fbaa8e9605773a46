package fr.territoire.audit;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs the audits of one step, records its result (with a sample of offending rows) in
 * {@code quality.audit_result}, and fails when a blocking audit finds rows: publication
 * stops, diagnostics stay in the warehouse under construction.
 */
public class AuditTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(AuditTasklet.class);

	private final WarehouseSession warehouse;

	private final List<Audit> audits;

	public AuditTasklet(WarehouseSession warehouse, List<Audit> audits) {
		this.warehouse = warehouse;
		this.audits = List.copyOf(audits);
	}

	/**
	 * The {@code audit} step: audits after staging, geography, core and marts, run once
	 * the models are built.
	 */
	public static AuditTasklet afterModels(WarehouseSession warehouse, List<Audit> audits) {
		return new AuditTasklet(warehouse,
				audits.stream().filter((audit) -> audit.spec().after().runsBeforeIndicators()).toList());
	}

	/**
	 * The {@code audit.public} step: audits after indicators and public, run once the
	 * public layer is built and before anything is published.
	 */
	public static AuditTasklet beforePublication(WarehouseSession warehouse, List<Audit> audits) {
		return new AuditTasklet(warehouse,
				audits.stream().filter((audit) -> !audit.spec().after().runsBeforeIndicators()).toList());
	}

	/** The audits this step runs. */
	public List<Audit> audits() {
		return this.audits;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var connection = this.warehouse.connection();
		List<String> failures = new ArrayList<>();
		List<Object> results = new ArrayList<>();
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		for (Audit audit : this.audits) {
			long started = System.nanoTime();
			long offending = Sql.queryLong(connection, audit.countSql());
			// the sample is read only when there is one: evaluating the query again to
			// find no row cost as much as the count (issue 19: the audits of the register
			// at 44 M rows). The first five rows in the order of their values, listed in
			// that order: the same sample in every run of the same data (without an
			// order, parallel threads picked and listed them differently from run to run)
			String sample = (offending == 0) ? null
					: Sql
						.queryRows(connection,
								"SELECT CAST(to_json(list(t ORDER BY t)) AS VARCHAR) FROM (SELECT * FROM ("
										+ audit.sql() + ") ORDER BY ALL LIMIT 5) t")
						.get(0)
						.get(0);
			logger.debug("Audit {}: {} offending rows in {} ms", audit.name(), offending,
					(System.nanoTime() - started) / 1_000_000);
			results.addAll(List.of(audit.name(), audit.spec().description(), audit.spec().blocking(), offending));
			results.add(sample);
			context.putLong("audit." + audit.name(), offending);
			if (offending > 0) {
				logger.warn("Audit {} ({}) found {} offending rows, e.g. {}", audit.name(),
						audit.spec().blocking() ? "blocking" : "warning", offending, sample);
				if (audit.spec().blocking()) {
					failures.add(audit.name() + " (" + offending + " rows: " + audit.spec().description() + ")");
				}
			}
		}
		record(connection, results);
		if (!failures.isEmpty()) {
			throw new TerritoireException(ErrorCode.AUDIT_FAILED,
					"blocking audits failed, nothing is published: " + String.join("; ", failures)
							+ ". Offending rows are in quality.audit_result of "
							+ this.warehouse.home().nextWarehouse());
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * Replaces this step's results (a restarted step replaces its own, the other step's
	 * stay) in one transaction of two statements: a write per audit, each its own commit,
	 * cost more than the audits on a small inbox (about 1.3 s for the 171 audits of the
	 * project under load).
	 */
	private void record(Connection connection, List<Object> results) {
		if (this.audits.isEmpty()) {
			return;
		}
		String names = String.join(", ", this.audits.stream().map((audit) -> Sql.literal(audit.name())).toList());
		String rows = String.join(", ", Collections.nCopies(this.audits.size(), "(?, ?, ?, ?, ?)"));
		Sql.execute(connection, "begin recording audit results", "BEGIN TRANSACTION");
		try {
			Sql.update(connection, "DELETE FROM quality.audit_result WHERE audit IN (" + names + ")");
			Sql.update(connection, "INSERT INTO quality.audit_result VALUES " + rows, results.toArray());
			Sql.execute(connection, "commit audit results", "COMMIT");
		}
		catch (RuntimeException ex) {
			Sql.execute(connection, "roll back audit results", "ROLLBACK");
			throw ex;
		}
	}

}
