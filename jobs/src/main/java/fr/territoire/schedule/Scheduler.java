package fr.territoire.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Fires each schedule's job at its cron times (Spring's {@link ThreadPoolTaskScheduler}
 * with a {@link FireTrigger} over a {@code CronTrigger}), one run at a time: a fire while
 * a run is going is skipped with a log line. At start it resumes a run a shutdown stopped
 * (or a crash interrupted) and handles the fire times missed since the last one it
 * handled ({@code run-once} or {@code skip}). A run past its max-duration is stopped at a
 * step boundary. {@link #stop()} stops the running job at a step boundary and waits for
 * it. A health line is logged at a fixed interval.
 */
public final class Scheduler {

	private static final Logger logger = LoggerFactory.getLogger(Scheduler.class);

	private static final int MAX_MISSED_COUNTED = 10_000;

	private final List<Schedule> schedules;

	private final Path home;

	private final JobRuns runs;

	private final Duration healthEvery;

	private final ThreadPoolTaskScheduler triggers;

	private final ExecutorService runner;

	private final AtomicReference<@Nullable Current> current = new AtomicReference<>();

	private final Map<String, FireTrigger> fireTriggers = new LinkedHashMap<>();

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicInteger skipped = new AtomicInteger();

	private final Object stateLock = new Object();

	private final Instant since = Instant.now();

	private volatile boolean stopping;

	public Scheduler(List<Schedule> schedules, Path home, JobRuns runs, Duration healthEvery) {
		this.schedules = List.copyOf(schedules);
		this.home = Objects.requireNonNull(home, "home is null");
		this.runs = Objects.requireNonNull(runs, "runs is null");
		this.healthEvery = Objects.requireNonNull(healthEvery, "healthEvery is null");
		this.triggers = new ThreadPoolTaskScheduler();
		this.triggers.setPoolSize(3);
		this.triggers.setThreadNamePrefix("schedule-");
		this.triggers.setWaitForTasksToCompleteOnShutdown(false);
		this.triggers.initialize();
		this.runner = Executors.newSingleThreadExecutor((task) -> new Thread(task, "scheduled-run"));
	}

	/**
	 * At start: for each schedule, resumes its interrupted run, then handles the fire
	 * times missed since the last one handled; a schedule that never fired records now as
	 * its start. Runs in this thread.
	 */
	public void catchUp() {
		Instant now = Instant.now();
		for (Schedule schedule : this.schedules) {
			if (this.stopping) {
				return;
			}
			Optional<ScheduleState> state = ScheduleState.read(this.home, schedule.name());
			if (state.isEmpty()) {
				logger.info("Schedule {}: no fire recorded yet in {}; fire times before now are not missed",
						schedule.name(), ScheduleState.file(this.home, schedule.name()));
				write(schedule, new ScheduleState(now.toString(), null, null, null));
				continue;
			}
			ScheduleState last = state.get();
			if (last.interrupted() && last.runFire() != null && last.runDate() != null) {
				logger.info(
						"Schedule {}: resuming the {} run of {} (fire {}), interrupted ({}) when the scheduler "
								+ "stopped",
						schedule.name(), schedule.job(), last.runDate(), last.runFire(), last.outcome());
				Current resumed = new Current(schedule, Instant.parse(last.runFire()), LocalDate.parse(last.runDate()));
				if (this.current.compareAndSet(null, resumed)) {
					execute(resumed, false);
				}
			}
			List<ZonedDateTime> missed = missed(schedule, last.lastFireTime(), now);
			if (missed.isEmpty()) {
				continue;
			}
			ZonedDateTime latest = missed.get(missed.size() - 1);
			String count = (missed.size() >= MAX_MISSED_COUNTED) ? "at least " + missed.size()
					: String.valueOf(missed.size());
			if (schedule.missed() == Schedule.Missed.SKIP) {
				logger.info("Schedule {}: {} fire time(s) missed since {} (latest {}); missed: skip, so none is run; "
						+ "next fire {}", schedule.name(), count, last.lastFire(), latest, next(schedule, now));
				recordFire(schedule, latest.toInstant());
			}
			else {
				logger.info(
						"Schedule {}: {} fire time(s) missed since {} (latest {}); missed: run-once, so the {} "
								+ "runs once now for {}",
						schedule.name(), count, last.lastFire(), latest, schedule.job(), latest.toLocalDate());
				Current catchUp = new Current(schedule, latest.toInstant(), latest.toLocalDate());
				if (this.current.compareAndSet(null, catchUp)) {
					execute(catchUp, schedule.rerun());
				}
			}
		}
	}

	/** The fire times of a schedule after one time, up to another (included). */
	static List<ZonedDateTime> missed(Schedule schedule, Instant after, Instant upTo) {
		List<ZonedDateTime> missed = new ArrayList<>();
		ZonedDateTime time = after.atZone(schedule.zone());
		var expression = schedule.cron().expression();
		while (missed.size() < MAX_MISSED_COUNTED) {
			time = expression.next(time);
			if (time == null || time.toInstant().isAfter(upTo)) {
				break;
			}
			missed.add(time);
		}
		return missed;
	}

	/** Starts firing the schedules and logging the health line. */
	public void start() {
		for (Schedule schedule : this.schedules) {
			FireTrigger trigger = new FireTrigger(schedule.cron(), schedule.zone());
			this.fireTriggers.put(schedule.name(), trigger);
			this.triggers.schedule(() -> fire(schedule, trigger.scheduled()), trigger);
		}
		this.triggers.scheduleAtFixedRate(this::health, Instant.now().plus(this.healthEvery), this.healthEvery);
		logger.info("Scheduler started on {}: {}", this.home,
				this.schedules.stream()
					.map((schedule) -> schedule.name() + " (" + schedule.job() + ", '" + schedule.cron().text() + "' "
							+ schedule.zone() + ", next " + next(schedule, Instant.now()) + ")")
					.collect(Collectors.joining(", ")));
	}

	private void fire(Schedule schedule, @Nullable Instant fire) {
		if (this.stopping || fire == null) {
			return;
		}
		LocalDate date = fire.atZone(schedule.zone()).toLocalDate();
		Current next = new Current(schedule, fire, date);
		if (!this.current.compareAndSet(null, next)) {
			Current running = this.current.get();
			this.skipped.incrementAndGet();
			logger.info("Fire {} of schedule {} skipped: {}", fire.atZone(schedule.zone()), schedule.name(),
					(running != null)
							? "the " + running.schedule().job() + " run of " + running.date() + " (schedule "
									+ running.schedule().name() + ", fire " + running.fire() + ") is still going"
							: "a run is still going");
			recordFire(schedule, fire);
			return;
		}
		this.runner.execute(() -> execute(next, schedule.rerun()));
	}

	/** Runs one fire to its end; {@link #current} is set to it by the caller. */
	private void execute(Current run, boolean rerun) {
		Schedule schedule = run.schedule();
		ScheduledFuture<?> watchdog = null;
		Instant startedAt = Instant.now();
		try {
			this.started.incrementAndGet();
			synchronized (this.stateLock) {
				Instant lastFire = ScheduleState.read(this.home, schedule.name())
					.map(ScheduleState::lastFireTime)
					.filter((last) -> last.isAfter(run.fire()))
					.orElse(run.fire());
				write(schedule, new ScheduleState(lastFire.toString(), run.fire().toString(), run.date().toString(),
						ScheduleState.Outcome.RUNNING));
			}
			logger.info("Fire {} of schedule {}: the {} run of {} starts", run.fire().atZone(schedule.zone()),
					schedule.name(), schedule.job(), run.date());
			if (schedule.maxDuration() != null) {
				watchdog = this.triggers.schedule(() -> timeOut(run), startedAt.plus(schedule.maxDuration()));
			}
			Map<String, String> parameters = new LinkedHashMap<>(schedule.parameters());
			parameters.put("schedule", schedule.name());
			parameters.put("fire", run.fire().toString());
			ScheduleState.Outcome outcome = this.runs.run(schedule.job(), run.date(), rerun, parameters);
			if (outcome == ScheduleState.Outcome.STOPPED && run.timedOut().get()) {
				outcome = ScheduleState.Outcome.TIMED_OUT;
			}
			Duration took = Duration.between(startedAt, Instant.now());
			if (outcome == ScheduleState.Outcome.TIMED_OUT) {
				logger.warn(
						"The {} run of {} (schedule {}) was stopped at a step boundary after {}: it ran past its "
								+ "max-duration {}; it resumes at that step when its date runs again",
						schedule.job(), run.date(), schedule.name(), took, schedule.maxDuration());
			}
			else {
				logger.info("The {} run of {} (schedule {}) ended {} after {}", schedule.job(), run.date(),
						schedule.name(), outcome, took);
			}
			finish(schedule, run, outcome);
		}
		catch (RuntimeException ex) {
			logger.error("The {} run of {} (schedule {}) failed: {}", schedule.job(), run.date(), schedule.name(),
					ex.getMessage(), ex);
			finish(schedule, run, ScheduleState.Outcome.FAILED);
		}
		finally {
			if (watchdog != null) {
				watchdog.cancel(false);
			}
			this.current.set(null);
		}
	}

	private void finish(Schedule schedule, Current run, ScheduleState.Outcome outcome) {
		synchronized (this.stateLock) {
			String lastFire = ScheduleState.read(this.home, schedule.name())
				.map(ScheduleState::lastFire)
				.orElse(run.fire().toString());
			write(schedule, new ScheduleState(lastFire, run.fire().toString(), run.date().toString(), outcome));
		}
	}

	private void timeOut(Current run) {
		if (this.current.get() != run) {
			return;
		}
		run.timedOut().set(true);
		logger.warn(
				"The {} run of {} (schedule {}) has run past its max-duration {}: stopping it at its next step "
						+ "boundary",
				run.schedule().job(), run.date(), run.schedule().name(), run.schedule().maxDuration());
		askToStop(run);
	}

	/**
	 * Asks the running job to stop, again every second until it has an execution to stop.
	 */
	private void askToStop(Current run) {
		while (this.current.get() == run && !stopAsked(run)) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private boolean stopAsked(Current run) {
		try {
			return this.runs.stop(run.schedule().job());
		}
		catch (RuntimeException ex) {
			// the job repository may be busy (another command holds it for a moment): try
			// again
			logger.debug("Cannot ask the {} run to stop yet: {}", run.schedule().job(), ex.getMessage());
			return false;
		}
	}

	private void recordFire(Schedule schedule, Instant fire) {
		synchronized (this.stateLock) {
			ScheduleState state = ScheduleState.read(this.home, schedule.name())
				.orElse(new ScheduleState(fire.toString(), null, null, null));
			if (!state.lastFireTime().isAfter(fire)) {
				write(schedule, state.withLastFire(fire));
			}
		}
	}

	private void write(Schedule schedule, ScheduleState state) {
		try {
			state.write(this.home, schedule.name());
		}
		catch (IOException ex) {
			logger.warn("Cannot write {}: {}", ScheduleState.file(this.home, schedule.name()), ex.getMessage());
		}
	}

	private void health() {
		Current running = this.current.get();
		logger.info("Scheduler healthy: pid {}, up {}, {} run(s) started, {} fire(s) skipped; running: {}; next: {}",
				ProcessHandle.current().pid(), Duration.between(this.since, Instant.now()).withNanos(0),
				this.started.get(), this.skipped.get(),
				(running != null) ? running.schedule().job() + " of " + running.date() + " (schedule "
						+ running.schedule().name() + ")" : "none",
				this.schedules.stream()
					.map((schedule) -> schedule.name() + " at " + next(schedule, Instant.now()))
					.collect(Collectors.joining(", ")));
	}

	private static ZonedDateTime next(Schedule schedule, Instant after) {
		return schedule.cron().next(after, schedule.zone());
	}

	/**
	 * Stops firing, asks the running job (if any) to stop at its next step boundary and
	 * waits for it to end: the next start resumes it.
	 */
	public void stop() {
		this.stopping = true;
		this.triggers.shutdown();
		Current running = this.current.get();
		if (running != null) {
			logger.info(
					"Stopping the {} run of {} (schedule {}) at its next step boundary; the next start of the "
							+ "scheduler resumes it",
					running.schedule().job(), running.date(), running.schedule().name());
			Thread stopper = new Thread(() -> askToStop(running), "stop-run");
			stopper.setDaemon(true);
			stopper.start();
		}
		this.runner.shutdown();
		try {
			while (!this.runner.awaitTermination(60, TimeUnit.SECONDS)) {
				Current still = this.current.get();
				logger.info("Waiting for the {} run to reach a step boundary",
						(still != null) ? still.schedule().job() + " of " + still.date() : "current");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		logger.info("Scheduler stopped: {} run(s) started, {} fire(s) skipped", this.started.get(), this.skipped.get());
	}

	/**
	 * A run the scheduler started.
	 *
	 * @param schedule its schedule
	 * @param fire the fire time it is for
	 * @param date its run date
	 * @param timedOut whether it was stopped for running past its max-duration
	 */
	private record Current(Schedule schedule, Instant fire, LocalDate date, AtomicBoolean timedOut) {

		Current(Schedule schedule, Instant fire, LocalDate date) {
			this(schedule, fire, date, new AtomicBoolean());
		}

	}

}
