package fr.territoire.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code territoire schedule} on the packaged jar, with the tiny {@code noop} job (two
 * steps of 1.2 s each, slower than its per-second cron): every fire is either run or
 * logged as skipped, runs never overlap (checked in the job repository), a second
 * scheduler on the home refuses naming the first, missed fire times are run once under
 * {@code run-once} and not under {@code skip}, SIGTERM stops the running job at a step
 * boundary with exit 0, and the next start resumes it.
 */
class SchedulerIntegrationTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Pattern FIRE = Pattern
		.compile("Fire (\\S+) of schedule every-second(: the noop run of \\S+ starts| skipped: .*)$");

	@TempDir
	Path folder;

	@Test
	void firesEverySecondWithoutOverlapCatchesUpRefusesASecondSchedulerAndResumesAfterSigterm() throws Exception {
		Path project = this.folder.resolve("project");
		SampleExpectations.copyConfiguration(project);
		Path schedules = project.resolve("schedules");
		try (var files = Files.list(schedules)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.writeString(schedules.resolve("every-second.yaml"), """
				job: noop
				cron: "* * * * * *"
				rerun: true
				parameters:
				  step-millis: "1200"
				description: Every second, slower than its period.
				""");
		Files.writeString(schedules.resolve("catch-up.yaml"),
				"job: noop\ncron: \"@monthly\"\nrerun: true\ndescription: Monthly, run once when missed.\n");
		Files.writeString(schedules.resolve("skipped.yaml"), "job: noop\ncron: \"0 0 12 15 * *\"\nmissed: skip\n"
				+ "rerun: true\ndescription: Mid-month, not run when missed.\n");
		Path home = this.folder.resolve("home");
		Files.createDirectories(home.resolve("schedule"));
		String january = "{\"lastFire\":\"2026-01-01T00:00:00Z\"}";
		Files.writeString(home.resolve("schedule/catch-up.json"), january);
		Files.writeString(home.resolve("schedule/skipped.json"), january);

		Path log = this.folder.resolve("first.log");
		Process first = start(project, home, log);
		Instant startedAt = waitFor(first, log, "Scheduler started on").instant();
		Launcher.Result second = Launcher.runIn(project, "--home", home.toString(), "schedule");
		assertThat(second.exitCode()).as(second.output()).isEqualTo(1);
		assertThat(second.output()).contains("[RUN_CONFLICT]")
			.contains("another territoire schedule runs on " + home)
			.contains("pid " + first.pid() + " on host ")
			.contains(", started 20");
		while (Instant.now().isBefore(startedAt.plusSeconds(6))) {
			Thread.sleep(200);
		}
		int lines = Files.readAllLines(log).size();
		waitFor(first, log, "Step noop.first started", lines);
		first.destroy();
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		List<String> firstLog = Files.readAllLines(log);
		assertThat(first.exitValue()).as(String.join("\n", firstLog)).isZero();

		// the missed fire times: computed here with java.time
		ZonedDateTime latestMonthly = startedAt.atZone(PARIS).toLocalDate().withDayOfMonth(1).atStartOfDay(PARIS);
		int midMonths = 0;
		for (LocalDate day = LocalDate.of(2026, 1, 15); !day.atTime(12, 0)
			.atZone(PARIS)
			.toInstant()
			.isAfter(startedAt); day = day.plusMonths(1)) {
			midMonths++;
		}
		String all = String.join("\n", firstLog);
		assertThat(all)
			.contains("Schedule catch-up: " + (latestMonthly.getMonthValue() - 1)
					+ " fire time(s) missed since 2026-01-01T00:00:00Z (latest " + latestMonthly
					+ "); missed: run-once, so the noop runs once now for " + latestMonthly.toLocalDate())
			.contains("Schedule skipped: " + midMonths + " fire time(s) missed since 2026-01-01T00:00:00Z")
			.contains("missed: skip, so none is run")
			.contains("Scheduler healthy: pid " + first.pid())
			.contains("Received SIGTERM: stopping the scheduler")
			.contains("Stopping the noop run of");

		// every second from the first fire to the last was either run or skipped, once
		List<ZonedDateTime> fires = new ArrayList<>();
		int started = 0;
		for (String line : firstLog) {
			Matcher fire = FIRE.matcher(line);
			if (fire.find()) {
				fires.add(ZonedDateTime.parse(fire.group(1)));
				started += fire.group(2).endsWith("starts") ? 1 : 0;
			}
		}
		assertThat(fires).hasSizeGreaterThanOrEqualTo(6);
		for (int i = 1; i < fires.size(); i++) {
			assertThat(fires.get(i)).as("fire " + i).isEqualTo(fires.get(i - 1).plusSeconds(1));
		}
		assertThat(started).as("runs of every-second").isBetween(2, fires.size() / 2);
		assertThat(all).contains("of schedule every-second skipped: the noop run of");

		List<Execution> executions = executions(home);
		assertThat(executions).as("one execution per run started: catch-up and every-second").hasSize(1 + started);
		for (int i = 1; i < executions.size(); i++) {
			assertThat(executions.get(i).start()).as("execution " + i + " starts after the previous ends")
				.isAfterOrEqualTo(executions.get(i - 1).end());
		}
		Execution catchUp = executions.get(0);
		assertThat(catchUp.parameters()).containsEntry("schedule", "catch-up")
			.containsEntry("date", latestMonthly.toLocalDate().toString())
			.containsEntry("fire", latestMonthly.toInstant().toString());
		assertThat(executions).noneMatch((execution) -> "skipped".equals(execution.parameters().get("schedule")));
		assertThat(executions.subList(0, executions.size() - 1)).extracting(Execution::status)
			.containsOnly("COMPLETED");
		Execution stopped = executions.get(executions.size() - 1);
		assertThat(stopped.status()).isEqualTo("STOPPED");
		assertThat(stopped.steps()).containsOnlyKeys("noop.first");

		// the next start resumes the stopped run (every-second no longer fires)
		Files.writeString(schedules.resolve("every-second.yaml"),
				Files.readString(schedules.resolve("every-second.yaml"))
					.replace("cron: \"* * * * * *\"", "cron: \"0 0 0 1 1 *\""));
		Path secondLog = this.folder.resolve("second.log");
		Process next = start(project, home, secondLog);
		waitFor(next, secondLog, "Scheduler started on");
		next.destroy();
		assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String resumed = Files.readString(secondLog);
		assertThat(next.exitValue()).as(resumed).isZero();
		assertThat(resumed)
			.contains("Schedule every-second: resuming the noop run of " + stopped.parameters().get("date") + " (fire "
					+ stopped.parameters().get("fire") + "), interrupted (STOPPED)");
		List<Execution> after = executions(home);
		assertThat(after).hasSize(executions.size() + 1);
		Execution resumption = after.get(after.size() - 1);
		assertThat(resumption.instance()).isEqualTo(stopped.instance());
		assertThat(resumption.status()).isEqualTo("COMPLETED");
		assertThat(resumption.steps()).containsEntry("noop.second", "COMPLETED");
	}

	private static Process start(Path project, Path home, Path log) throws IOException {
		// the noop job needs no optimising compiler: C1 only starts the application
		// faster
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:TieredStopAtLevel=1", "-Dterritoire.project-dir=" + project, "-jar",
				Path.of(System.getProperty("territoire.jar", "target/territoire.jar")).toString(), "--home",
				home.toString(), "schedule", "--health-every", "PT2S");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static Seen waitFor(Process process, Path log, String text) throws Exception {
		return waitFor(process, log, text, 0);
	}

	/** Waits for a line containing a text after the first lines of a log. */
	private static Seen waitFor(Process process, Path log, String text, int after) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
		while (System.nanoTime() < deadline) {
			List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
			for (int i = after; i < lines.size(); i++) {
				if (lines.get(i).contains(text)) {
					return new Seen(Instant.now());
				}
			}
			if (!process.isAlive()) {
				throw new AssertionError("ended before '" + text + "':\n" + String.join("\n", lines));
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new AssertionError("no '" + text + "' in time:\n" + Files.readString(log));
	}

	/**
	 * The noop executions, in the order they were created, read from the H2 job
	 * repository.
	 */
	private static List<Execution> executions(Path home) throws SQLException {
		String url = "jdbc:h2:file:" + home.resolve("batch/repository") + ";ACCESS_MODE_DATA=r";
		List<Execution> executions = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, e.STATUS, "
					+ "e.START_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
					+ "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'noop' ORDER BY e.JOB_EXECUTION_ID")) {
				while (rows.next()) {
					executions.add(new Execution(rows.getLong(1), rows.getLong(2), rows.getString(3),
							rows.getObject(4, LocalDateTime.class), rows.getObject(5, LocalDateTime.class),
							new LinkedHashMap<>(), new LinkedHashMap<>()));
				}
			}
			for (Execution execution : executions) {
				try (ResultSet rows = statement
					.executeQuery("SELECT PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS "
							+ "WHERE JOB_EXECUTION_ID = " + execution.id())) {
					while (rows.next()) {
						execution.parameters().put(rows.getString(1), rows.getString(2));
					}
				}
				try (ResultSet rows = statement.executeQuery("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION "
						+ "WHERE JOB_EXECUTION_ID = " + execution.id())) {
					while (rows.next()) {
						execution.steps().put(rows.getString(1), rows.getString(2));
					}
				}
			}
		}
		return executions;
	}

	private record Seen(Instant instant) {
	}

	private record Execution(long id, long instance, String status, LocalDateTime start, LocalDateTime end,
			Map<String, String> parameters, Map<String, String> steps) {
	}

}
