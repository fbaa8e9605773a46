package fr.territoire.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.config.Definition;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import fr.territoire.warehouse.Warehouses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes each partner's return file when the job has ended, completed or failed:
 * {@code <home>/partners/<id>/<date>-<run>.csv} and {@code .xlsx} (in the home, never in
 * the release: it lists rejected rows). A partner gets one when the run read a file of
 * one of its sources. Read from the warehouse the run wrote ({@code current.duckdb} once
 * promoted, else the {@code next.duckdb} a failed run kept); the publication part is
 * empty for a failed run. A return file that cannot be written is logged; it never fails
 * the run.
 */
public class PartnerReturnListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(PartnerReturnListener.class);

	private final WarehouseSession warehouse;

	private final List<Definition<PartnerSpec>> partners;

	private final List<PartnerFeed> feeds;

	private final Map<String, Mapping> mappings = new LinkedHashMap<>();

	public PartnerReturnListener(WarehouseSession warehouse, List<Definition<PartnerSpec>> partners,
			List<PartnerFeed> feeds, List<Mapping> mappings) {
		this.warehouse = warehouse;
		this.partners = List.copyOf(partners);
		this.feeds = List.copyOf(feeds);
		mappings.forEach((mapping) -> this.mappings.put(mapping.source(), mapping));
	}

	/** The folder of a partner's return files in a home. */
	public static Path folder(Path home, String partner) {
		return home.resolve("partners").resolve(partner);
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (this.feeds.isEmpty()) {
			return;
		}
		try {
			this.warehouse.close();
			boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
			var home = this.warehouse.home();
			Path file = completed ? home.currentWarehouse() : home.nextWarehouse();
			if (!Files.isRegularFile(file)) {
				logger.info("No warehouse to read the partners' return files from");
				return;
			}
			String runDate = String.valueOf(execution.getJobParameters().getString("date"));
			String runId = runDate + "-" + execution.getJobInstance().getInstanceId();
			String outcome = completed ? "terminée, publication faite" : "échouée" + failedStep(execution)
					+ " : rien n'a été publié ; corrigez les lignes rejetées s'il y en a et renvoyez le fichier";
			try (Connection connection = Warehouses.open(file, true, this.warehouse.settings())) {
				for (Definition<PartnerSpec> partner : this.partners) {
					PartnerReturn result = read(connection, partner, runId, runDate, outcome, completed);
					if (result != null) {
						List<Path> written = PartnerReturnWriter.write(result, folder(home.root(), partner.name()));
						logger.info("Return file of partner {}: {} ({} rejected rows)", partner.name(), written.get(0),
								result.rejects().size());
					}
				}
			}
		}
		catch (Exception ex) {
			logger.warn("The partners' return files could not be written: {}", ex.toString(), ex);
		}
	}

	private @Nullable PartnerReturn read(Connection connection, Definition<PartnerSpec> partner, String runId,
			String runDate, String outcome, boolean completed) {
		List<String> sources = this.feeds.stream()
			.filter((feed) -> feed.partner().equals(partner.name()))
			.map(PartnerFeed::source)
			.toList();
		List<PartnerReturn.FileLine> files = new ArrayList<>();
		List<PartnerReturn.RejectLine> rejects = new ArrayList<>();
		Path inbox = this.warehouse.home().inbox();
		for (String source : sources) {
			Mapping mapping = this.mappings.get(source);
			for (List<String> row : Sql.queryRows(connection,
					"SELECT i.file, coalesce(a.rows_read, 0), "
							+ "coalesce(a.rows_staged, 0), coalesce(a.rows_rejected, 0) FROM meta.input_file i "
							+ "LEFT JOIN meta.file_accounting a ON a.source = i.source AND a.file = i.file "
							+ "WHERE i.source = ? ORDER BY i.file",
					source)) {
				String name = row.get(0);
				files.add(new PartnerReturn.FileLine(source, name, Long.parseLong(row.get(1)),
						Long.parseLong(row.get(2)), Long.parseLong(row.get(3))));
				SheetColumns columns = SheetColumns.of(mapping, inbox.resolve(name));
				for (List<String> reject : Sql.queryRows(connection,
						"SELECT coalesce(record, 0), rule, coalesce(column_name, ''), coalesce(value, ''), message "
								+ "FROM quality.rejected_row WHERE source = ? AND file = ? "
								+ "ORDER BY record, rule, column_name",
						source, name)) {
					String header = RejectReason.header(mapping, reject.get(2));
					rejects.add(new PartnerReturn.RejectLine(source, name, columns.sheet(),
							Long.parseLong(reject.get(0)), header, columns.letter(header), reject.get(3),
							RejectReason.of(mapping, reject.get(1), reject.get(2), reject.get(4)), reject.get(1)));
				}
			}
		}
		if (files.isEmpty()) {
			return null;
		}
		List<PartnerReturn.PublishedLine> published = new ArrayList<>();
		if (completed && Sql.queryLong(connection, "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'public' "
				+ "AND table_name IN ('partner_contribution', 'indicator')") == 2) {
			for (List<String> row : Sql.queryRows(connection,
					"SELECT c.indicator_id, coalesce(i.label, ''), c.cells_published, c.cells_secret "
							+ "FROM public.partner_contribution c LEFT JOIN public.indicator i "
							+ "ON i.indicator_id = c.indicator_id WHERE c.partner_id = ? ORDER BY c.indicator_id",
					partner.name())) {
				published.add(new PartnerReturn.PublishedLine(row.get(0), row.get(1), Long.parseLong(row.get(2)),
						Long.parseLong(row.get(3))));
			}
		}
		return new PartnerReturn(partner.name(), partner.spec().name(), runId, runDate, outcome, files, rejects,
				published);
	}

	private static String failedStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus() == BatchStatus.FAILED)
			.map((step) -> " à l'étape " + step.getStepName())
			.findFirst()
			.orElse("");
	}

}
