package fr.territoire.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import fr.territoire.check.ConfigurationCheck;
import fr.territoire.config.RunState;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.job.RunLock;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.schedule.Schedule;
import fr.territoire.schedule.ScheduleExports;
import fr.territoire.schedule.Scheduler;
import fr.territoire.schedule.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code territoire schedule}: runs the jobs of {@code schedules/} at their times until
 * SIGTERM or SIGINT, or prints them as crontab lines or systemd units.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = {
				"Runs the jobs of schedules/*.yaml at their times, one run at a time, until SIGTERM or "
						+ "SIGINT (the running job stops at a step boundary and resumes at the next start; exit 0).",
				"A second scheduler on the same home refuses to start (exit 1) and names the holder.",
				"With --print-crontab or --print-systemd, prints equivalent crontab lines or systemd units instead." })
class ScheduleCommand implements Callable<Integer> {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleCommand.class);

	@Option(names = "--print-crontab", description = "Print crontab lines (with CRON_TZ) calling territoire run.")
	boolean printCrontab;

	@Option(names = "--print-systemd",
			description = "Print systemd .timer and .service units (OnCalendar= with the zone) calling territoire run.")
	boolean printSystemd;

	@Option(names = "--health-every", paramLabel = "DURATION",
			description = "How often the log says the scheduler is alive, ISO-8601 (default: ${DEFAULT-VALUE}).")
	Duration healthEvery = Duration.ofHours(1);

	@Spec
	CommandSpec spec;

	@picocli.CommandLine.ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		var project = HomeOptions.project();
		var home = this.parent.homeOptions.territoireHome();
		if (this.printCrontab || this.printSystemd) {
			List<Schedule> schedules = schedules(project, err);
			if (schedules == null) {
				return ExitCodes.USAGE;
			}
			ScheduleExports exports = new ScheduleExports(project.resolve("territoire"), home.root());
			out.print(this.printCrontab ? exports.crontab(schedules) : exports.systemd(schedules));
			out.flush();
			return ExitCodes.SUCCESS;
		}
		if (this.healthEvery.isNegative() || this.healthEvery.isZero()) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--health-every must be positive");
		}
		// taken first: a second scheduler refuses before reading the configuration
		try (SchedulerLock held = SchedulerLock.acquire(home.root())) {
			List<Schedule> schedules = schedules(project, err);
			if (schedules == null) {
				return ExitCodes.USAGE;
			}
			if (schedules.isEmpty()) {
				err.println("No schedule in " + home.folders().schedules() + ": nothing to run.");
				err.flush();
				return ExitCodes.USAGE;
			}
			CountDownLatch stop = new CountDownLatch(1);
			AtomicReference<String> received = new AtomicReference<>();
			Signals.onTermination((signal) -> {
				if (!received.compareAndSet(null, signal)) {
					System.err.println("territoire schedule: second SIG" + signal + ": exiting now; the run resumes "
							+ "at its step the next time");
					Runtime.getRuntime().halt(ErrorCode.INTERNAL.kind().exitCode());
				}
				stop.countDown();
			});
			out.println("Scheduler of " + home.root() + " (pid " + ProcessHandle.current().pid()
					+ "): starting the application");
			out.flush();
			ConfigurableApplicationContext context = startApplication(home);
			try (context) {
				Scheduler scheduler = new Scheduler(schedules, home.root(), new SchedulerRuns(context, home),
						this.healthEvery);
				if (stop.getCount() > 0) {
					scheduler.catchUp();
				}
				if (stop.getCount() > 0) {
					scheduler.start();
				}
				stop.await();
				logger.info("Received SIG{}: stopping the scheduler", received.get());
				scheduler.stop();
			}
		}
		out.flush();
		return ExitCodes.SUCCESS;
	}

	/** The valid schedules, or null after printing the configuration's errors. */
	private static @org.jspecify.annotations.Nullable List<Schedule> schedules(java.nio.file.Path project,
			PrintWriter err) {
		ProjectConfiguration configuration = ConfigurationCheck.load(project);
		if (!configuration.errors().isEmpty()) {
			configuration.errors().forEach(err::println);
			err.println(configuration.errors().size() + " problem(s) found: see territoire check.");
			err.flush();
			return null;
		}
		return configuration.schedules().schedules();
	}

	/**
	 * Starts the application under the run lock (it opens the job repository, which a
	 * running process locks); between runs its connections to the job repository are
	 * closed, so that territoire status and territoire run work while the scheduler
	 * waits.
	 */
	private ConfigurableApplicationContext startApplication(fr.territoire.config.TerritoireHome home)
			throws java.io.IOException {
		Optional<RunLock> lock = RunLock.tryAcquire(home.runLock());
		if (lock.isEmpty()) {
			throw new TerritoireException(ErrorCode.RUN_CONFLICT, Location.file(home.runLock().toString()),
					RunState.active(home)
						.map((active) -> "a run is in progress (" + active.describe() + ")")
						.orElse("a run is in progress") + " in " + home.root() + "; start the scheduler when it ends");
		}
		try (RunLock held = lock.get()) {
			ConfigurableApplicationContext context = Contexts.start(this.parent.homeOptions, null,
					List.of("--spring.datasource.hikari.minimum-idle=0"), false);
			SchedulerRuns.closeIdleConnections(context);
			return context;
		}
	}

}
