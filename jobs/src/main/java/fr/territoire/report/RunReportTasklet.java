package fr.territoire.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import fr.territoire.query.HtmlTablePrinter;
import fr.territoire.warehouse.SqlFile;
import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the HTML run report: steps with timings and counts (from the job repository),
 * then one section per query of {@code warehouse/reports/}, in order (per-file row
 * accounting, rejects by rule, audit results, unmapped geography codes, the national
 * value of every indicator…), each an HTML table of its first 200 rows printed by
 * {@link HtmlTablePrinter}. A section whose query fails says so and the report goes on.
 */
public class RunReportTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(RunReportTasklet.class);

	/** A section shows its first rows, then how many more there are. */
	private static final HtmlTablePrinter SECTION_TABLE = new HtmlTablePrinter(200);

	private final WarehouseSession warehouse;

	private final ReportSections sections;

	public RunReportTasklet(WarehouseSession warehouse, ReportSections sections) {
		this.warehouse = warehouse;
		this.sections = sections;
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
		StringWriter steps = new StringWriter();
		new HtmlTablePrinter(Integer.MAX_VALUE).print(
				List.of("step", "status", "duration (ms)", "read", "written", "rejected"),
				job.getStepExecutions()
					.stream()
					.map((step) -> List.of(step.getStepName(), step.getStatus().toString(),
							duration(step.getStartTime(), step.getEndTime()), step.getReadCount(), step.getWriteCount(),
							step.getFilterCount()))
					.toList(),
				new PrintWriter(steps));
		html.append(steps);
		for (SqlFile<ReportSectionSpec> section : this.sections.sections()) {
			section(html, connection, section.spec().title(), section.sql());
		}
		html.append("</body></html>\n");
		Path reports = this.warehouse.home().reports();
		Files.createDirectories(reports);
		// named like the release of the same run: <date>-<job instance>
		Path report = reports.resolve(date + "-" + job.getJobInstance().getInstanceId() + ".html");
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
		StringWriter table = new StringWriter();
		try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
			long rows = SECTION_TABLE.print(result, new PrintWriter(table));
			html.append((rows > 0) ? table.toString() : "<p>None.</p>");
		}
		catch (java.sql.SQLException ex) {
			html.append("<p>Not available: ").append(escape(String.valueOf(ex.getMessage()))).append("</p>");
		}
	}

	private static String escape(String text) {
		return HtmlTablePrinter.escape(text);
	}

}
