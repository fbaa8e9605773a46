package fr.territoire.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the HTML run report: steps with timings and counts, per-file row accounting,
 * rejects by rule, audit results, unmapped geography codes and the national value of
 * every indicator.
 */
public class RunReportTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(RunReportTasklet.class);

	private final WarehouseSession warehouse;

	public RunReportTasklet(WarehouseSession warehouse) {
		this.warehouse = warehouse;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		StepExecution current = chunkContext.getStepContext().getStepExecution();
		var job = current.getJobExecution();
		var connection = this.warehouse.connection();
		StringBuilder html = new StringBuilder();
		String date = String.valueOf(job.getJobParameters().getString("date"));
		html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Territoire run ")
			.append(date)
			.append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
			.append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}td.n{text-align:right}</style></head><body>")
			.append("<h1>Territoire — nightly of ")
			.append(date)
			.append("</h1><p>Job execution ")
			.append(job.getId())
			.append(", instance ")
			.append(job.getJobInstance().getInstanceId())
			.append(".</p><h2>Steps</h2>");
		table(html, List.of("step", "status", "duration (ms)", "read", "written", "rejected"),
				job.getStepExecutions()
					.stream()
					.map((step) -> List.of(step.getStepName(), step.getStatus().toString(),
							String.valueOf(duration(step.getStartTime(), step.getEndTime())),
							String.valueOf(step.getReadCount()), String.valueOf(step.getWriteCount()),
							String.valueOf(step.getFilterCount())))
					.toList());
		section(html, connection, "Row accounting per file (read = staged + rejected)",
				"SELECT source, file, rows_read, rows_staged, rows_rejected, reused_from_previous_run "
						+ "FROM meta.file_accounting ORDER BY source, file");
		section(html, connection, "Unknown columns (not in the mapping; values kept in raw.<source>__unknown_column)",
				"SELECT source, file, column_name, position FROM meta.unknown_column ORDER BY source, file, position");
		section(html, connection, "Rejected rows by rule",
				"SELECT source, rule, column_name, count(*) AS rows, any_value(message) AS example "
						+ "FROM quality.rejected_row GROUP BY ALL ORDER BY source, rows DESC");
		section(html, connection, "Audits",
				"SELECT audit, description, blocking, offending_rows FROM quality.audit_result ORDER BY audit");
		section(html, connection, "COG vintages loaded",
				"SELECT vintage, layout, communes, is_target, target_chosen_by FROM geography.vintage ORDER BY vintage");
		section(html, connection, "COG vintage of each source (declared or detected)",
				"SELECT source, declared_vintage, detected_vintage, detected_share, vintage_used, chosen_by, "
						+ "target_vintage FROM geography.source_vintage ORDER BY source");
		section(html, connection, "Commune codes not mapped to the target geography",
				"SELECT source, code, rows, amount, unit, vintage_from, vintage_to FROM geography.unmapped_commune_code "
						+ "ORDER BY source, code");
		section(html, connection, "Left out by harmonisation (totals)",
				"SELECT source, unmapped_codes, unmapped_rows, amount_left_out, total_amount, amount_harmonised, unit "
						+ "FROM geography.unmapped_total ORDER BY source");
		section(html, connection, "Commune files whose codes had lost their leading zeros (repaired)",
				"SELECT file, vintage, rows_repaired, rows, example FROM geography.commune_code_repair ORDER BY file");
		section(html, connection, "Indicators for France",
				"SELECT indicator_id, value, numerator, denominator FROM mart.indicator_value "
						+ "WHERE level = 'france' ORDER BY indicator_id");
		html.append("</body></html>\n");
		Path reports = this.warehouse.home().reports();
		Files.createDirectories(reports);
		Path report = reports.resolve(date + "-" + job.getId() + ".html");
		Files.writeString(report, html);
		job.getExecutionContext().putString("report.path", report.toString());
		current.getExecutionContext().putString("report.path", report.toString());
		logger.info("Run report: {}", report);
		return RepeatStatus.FINISHED;
	}

	private static long duration(LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return 0;
		}
		return Duration.between(start, (end != null) ? end : LocalDateTime.now()).toMillis();
	}

	private static void section(StringBuilder html, java.sql.Connection connection, String title, String sql) {
		html.append("<h2>").append(escape(title)).append("</h2>");
		try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			List<String> header = new java.util.ArrayList<>();
			for (int i = 1; i <= columns; i++) {
				header.add(result.getMetaData().getColumnLabel(i));
			}
			List<List<String>> rows = new java.util.ArrayList<>();
			while (result.next() && rows.size() < 200) {
				List<String> row = new java.util.ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(String.valueOf(result.getObject(i)));
				}
				rows.add(row);
			}
			if (rows.isEmpty()) {
				html.append("<p>None.</p>");
			}
			else {
				table(html, header, rows);
			}
		}
		catch (java.sql.SQLException ex) {
			html.append("<p>Not available: ").append(escape(String.valueOf(ex.getMessage()))).append("</p>");
		}
	}

	private static void table(StringBuilder html, List<String> header, List<List<String>> rows) {
		html.append("<table><tr>");
		header.forEach((name) -> html.append("<th>").append(escape(name)).append("</th>"));
		html.append("</tr>");
		for (List<String> row : rows) {
			html.append("<tr>");
			for (String value : row) {
				boolean number = value.matches("-?\\d+(\\.\\d+)?");
				html.append(number ? "<td class=\"n\">" : "<td>").append(escape(value)).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</table>");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
