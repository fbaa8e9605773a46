package fr.territoire.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.territoire.config.TerritoireHome;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.SqlFile;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes the run report {@code <home>/reports/<date>-<execution>.html} from the template
 * {@code fr/territoire/report/run-report.html}: the verdict, why the run failed and what
 * to do, the steps, the release and its changes, the charts (ECharts, shipped in
 * {@code reports/assets/}) and the sections of {@code warehouse/reports/}, read from the
 * warehouse the run wrote when it can be read.
 */
public final class RunReportWriter {

	/** A section shows its first rows, then how many more there are. */
	static final int SECTION_ROWS = 200;

	private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
			Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE);

	private final TerritoireHome home;

	private final JobRepository jobRepository;

	private final ReportSections sections;

	private final ZoneId zone;

	private final TemplateEngine engine;

	public RunReportWriter(TerritoireHome home, JobRepository jobRepository, ReportSections sections) {
		this.home = home;
		this.jobRepository = jobRepository;
		this.sections = sections;
		this.zone = ZoneId.systemDefault();
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(RunReportWriter.class.getClassLoader());
		resolver.setPrefix("fr/territoire/report/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		this.engine = new TemplateEngine();
		this.engine.setTemplateResolver(resolver);
	}

	/** The report of a job execution. */
	public static Path path(TerritoireHome home, JobExecution execution) {
		return home.reports()
			.resolve(execution.getJobParameters().getString("date") + "-" + execution.getJobInstance().getInstanceId()
					+ ".html");
	}

	/**
	 * Writes the report of a run.
	 * @param execution the run
	 * @param warehouse the warehouse the run wrote, or null if it cannot be read
	 * @param running the step writing the report while the run goes on, or null once it
	 * ended
	 * @return the report
	 * @throws IOException when it cannot be written
	 */
	public Path write(JobExecution execution, @Nullable Connection warehouse, @Nullable String running)
			throws IOException {
		List<StepExecution> steps = stepsOfTheRun(execution);
		RunReport report = new RunReport(
				"Territoire — " + execution.getJobInstance().getJobName() + " of "
						+ execution.getJobParameters().getString("date"),
				verdict(execution, steps, running), failure(execution, steps), StepLines.of(steps, running),
				release(steps), sections(warehouse),
				JSON.writeValueAsString(RunHistory.charts(this.jobRepository, execution)).replace("</", "<\\/"));
		Context context = new Context(Locale.FRANCE);
		context.setVariable("report", report);
		String html = this.engine.process("run-report", context);
		Path path = path(this.home, execution);
		Files.createDirectories(path.getParent());
		copyCharts(path.getParent().resolve("assets"));
		Path written = path.resolveSibling(path.getFileName() + ".new");
		Files.writeString(written, html);
		Files.move(written, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return path;
	}

	/** The step executions of every execution of the run's instance. */
	private List<StepExecution> stepsOfTheRun(JobExecution execution) {
		List<StepExecution> steps = new ArrayList<>();
		for (JobExecution earlier : this.jobRepository.getJobExecutions(execution.getJobInstance())) {
			if (earlier.getId() != execution.getId()) {
				steps.addAll(earlier.getStepExecutions());
			}
		}
		steps.addAll(execution.getStepExecutions());
		return steps;
	}

	private RunReport.Verdict verdict(JobExecution execution, List<StepExecution> steps, @Nullable String running) {
		boolean ended = running == null && execution.getEndTime() != null;
		BatchStatus status = execution.getStatus();
		String note = switch (status) {
			case COMPLETED -> "the run completed";
			case FAILED -> "the run failed; it resumes at its failed step when run again";
			case STARTED, STARTING -> "the run is still going on: this report is written again when it ends";
			default -> "the run ended " + status;
		};
		Optional<String> release = releasePath(steps).map((path) -> Path.of(path).getFileName().toString());
		boolean promoted = last(steps, "promote").map((step) -> step.getStatus() == BatchStatus.COMPLETED)
			.orElse(false);
		return new RunReport.Verdict(ended ? status.toString() : "RUNNING", note, status == BatchStatus.COMPLETED,
				execution.getJobInstance().getJobName(), String.valueOf(execution.getJobParameters().getString("date")),
				execution.getId(), execution.getJobInstance().getInstanceId(),
				FrenchFormat.time(execution.getStartTime(), this.zone),
				ended ? FrenchFormat.time(execution.getEndTime(), this.zone) : "not yet",
				FrenchFormat.duration(Duration
					.ofMillis(StepLines.millis(execution.getStartTime(), ended ? execution.getEndTime() : null))),
				release.orElse("none"),
				promoted ? "yes: current.duckdb and publish/latest are this run's"
						: ended ? "no: current.duckdb and publish/latest are still the previous run's"
								: "not yet (promote runs after this report)");
	}

	private static RunReport.@Nullable Failure failure(JobExecution execution, List<StepExecution> steps) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return null;
		}
		Optional<StepExecution> failed = steps.stream()
			.filter((step) -> step.getStatus() == BatchStatus.FAILED)
			.max(Comparator.comparing(StepExecution::getId));
		List<Throwable> failures = new ArrayList<>();
		failed.ifPresent((step) -> failures.addAll(step.getFailureExceptions()));
		failures.addAll(execution.getFailureExceptions());
		Optional<TerritoireException> coded = failures.stream()
			.map(RunReportWriter::coded)
			.flatMap(Optional::stream)
			.findFirst();
		ErrorCode code = coded.map(TerritoireException::code).orElse(ErrorCode.INTERNAL);
		String message = coded.map(TerritoireException::getMessage)
			.orElse(failures.isEmpty() ? "no message was recorded"
					: failures.get(0).getClass().getSimpleName() + ": " + failures.get(0).getMessage());
		return new RunReport.Failure(failed.map(StepExecution::getStepName).orElse("(the job itself)"), code.name(),
				message, FailureHints.hint(code));
	}

	private static Optional<TerritoireException> coded(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof TerritoireException coded) {
				return Optional.of(coded);
			}
		}
		return Optional.empty();
	}

	private RunReport.Release release(List<StepExecution> steps) {
		Optional<String> path = releasePath(steps);
		if (path.isEmpty()) {
			return new RunReport.Release(null, null, List.of(), false);
		}
		Path changes = Path.of(path.get()).resolve("changes.json");
		String id = Path.of(path.get()).getFileName().toString();
		if (!Files.isRegularFile(changes)) {
			return new RunReport.Release(id, null, List.of(), false);
		}
		try {
			JsonNode json = JSON.readTree(changes.toFile());
			List<List<RunReport.Cell>> rows = new ArrayList<>();
			for (JsonNode dataset : json.path("datasets")) {
				rows.add(List.of(text(dataset.path("name")), number(dataset.path("rows_before")),
						number(dataset.path("rows_after")), number(dataset.path("rows_added")),
						number(dataset.path("rows_removed")), text(dataset.path("columns_added")),
						text(dataset.path("columns_removed"))));
			}
			JsonNode previous = json.path("previous_release");
			return new RunReport.Release(id, previous.isNull() || previous.isMissingNode() ? null : previous.asString(),
					rows, true);
		}
		catch (RuntimeException ex) {
			return new RunReport.Release(id, null, List.of(), false);
		}
	}

	private static RunReport.Cell text(JsonNode node) {
		if (node.isArray()) {
			List<String> values = new ArrayList<>();
			node.forEach((value) -> values.add(value.asString()));
			return new RunReport.Cell(String.join(", ", values), false);
		}
		return new RunReport.Cell(node.isMissingNode() || node.isNull() ? "" : node.asString(), false);
	}

	private static RunReport.Cell number(JsonNode node) {
		return node.isNumber() ? new RunReport.Cell(FrenchFormat.number(node.numberValue()), true) : text(node);
	}

	private static Optional<String> releasePath(List<StepExecution> steps) {
		return steps.stream()
			.filter((step) -> step.getExecutionContext().containsKey("release.path"))
			.map((step) -> step.getExecutionContext().getString("release.path"))
			.reduce((first, second) -> second);
	}

	private static Optional<StepExecution> last(List<StepExecution> steps, String name) {
		return steps.stream()
			.filter((step) -> step.getStepName().equals(name))
			.max(Comparator.comparing(StepExecution::getId));
	}

	private List<RunReport.Section> sections(@Nullable Connection warehouse) {
		List<RunReport.Section> shown = new ArrayList<>();
		for (SqlFile<ReportSectionSpec> section : this.sections.sections()) {
			String title = section.spec().title();
			String description = section.spec().description();
			if (warehouse == null) {
				shown.add(new RunReport.Section(title, description, List.of(), List.of(), 0,
						"the run left no warehouse to read"));
				continue;
			}
			try (var statement = warehouse.createStatement();
					ResultSet result = statement.executeQuery(section.sql())) {
				shown.add(section(title, description, result));
			}
			catch (SQLException ex) {
				shown.add(new RunReport.Section(title, description, List.of(), List.of(), 0,
						String.valueOf(ex.getMessage())));
			}
		}
		return shown;
	}

	private static RunReport.Section section(String title, @Nullable String description, ResultSet result)
			throws SQLException {
		var metadata = result.getMetaData();
		int count = metadata.getColumnCount();
		List<String> columns = new ArrayList<>();
		boolean[] numeric = new boolean[count];
		for (int i = 1; i <= count; i++) {
			columns.add(metadata.getColumnLabel(i));
			numeric[i - 1] = NUMBERS.contains(metadata.getColumnType(i))
					|| metadata.getColumnTypeName(i).matches("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)");
		}
		List<List<RunReport.Cell>> rows = new ArrayList<>();
		long total = 0;
		while (result.next()) {
			if (total < SECTION_ROWS) {
				List<RunReport.Cell> row = new ArrayList<>();
				for (int i = 1; i <= count; i++) {
					row.add(cell(result.getObject(i), numeric[i - 1]));
				}
				rows.add(row);
			}
			total++;
		}
		return new RunReport.Section(title, description, columns, rows, total - rows.size(), null);
	}

	static RunReport.Cell cell(@Nullable Object value, boolean numeric) {
		if (value == null) {
			return new RunReport.Cell("", numeric);
		}
		if (value instanceof Number number) {
			return new RunReport.Cell(FrenchFormat.number(number), true);
		}
		if (value instanceof Boolean bool) {
			return new RunReport.Cell(bool ? "yes" : "no", false);
		}
		return new RunReport.Cell(value.toString(), numeric);
	}

	private static void copyCharts(Path assets) throws IOException {
		Path echarts = assets.resolve("echarts.min.js");
		if (Files.isRegularFile(echarts)) {
			return;
		}
		Files.createDirectories(assets);
		try (InputStream in = RunReportWriter.class.getClassLoader().getResourceAsStream(ECHARTS)) {
			if (in == null) {
				throw new IOException(ECHARTS + " is not on the class path");
			}
			Path copied = assets.resolve("echarts.min.js.new");
			Files.copy(in, copied, StandardCopyOption.REPLACE_EXISTING);
			Files.move(copied, echarts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
	}

}
