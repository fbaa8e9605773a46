package fr.territoire.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the scheduler last did for one schedule, kept in
 * {@code <home>/schedule/<name>.json} so that a start knows which fire times it missed
 * and whether a run was interrupted.
 *
 * @param lastFire the last fire time handled (run, skipped while another run was going,
 * or skipped at start-up), ISO-8601
 * @param runFire the fire time of the last run started, if any
 * @param runDate the run date of that run
 * @param outcome how that run ended ({@code RUNNING} while it runs or if the scheduler
 * died during it)
 */
public record ScheduleState(String lastFire, @Nullable String runFire, @Nullable String runDate,
		@Nullable Outcome outcome) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The state file of a schedule. */
	public static Path file(Path home, String schedule) {
		return home.resolve("schedule").resolve(schedule + ".json");
	}

	/** The state of a schedule, empty if it never fired or its file cannot be read. */
	public static Optional<ScheduleState> read(Path home, String schedule) {
		Path file = file(home, schedule);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Files.readString(file), ScheduleState.class));
		}
		catch (IOException | JacksonException ex) {
			return Optional.empty();
		}
	}

	/** Writes the state atomically. */
	public void write(Path home, String schedule) throws IOException {
		Path file = file(home, schedule);
		Files.createDirectories(file.getParent());
		Path written = file.resolveSibling(file.getFileName() + ".new");
		Files.writeString(written, JSON.writeValueAsString(this));
		Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** The last fire time handled. */
	public Instant lastFireTime() {
		return Instant.parse(this.lastFire);
	}

	/** The same state with a later fire time handled. */
	public ScheduleState withLastFire(Instant fire) {
		return new ScheduleState(fire.toString(), this.runFire, this.runDate, this.outcome);
	}

	/**
	 * Whether the last run was interrupted: stopped by a shutdown, or its scheduler died.
	 */
	public boolean interrupted() {
		return this.outcome == Outcome.RUNNING || this.outcome == Outcome.STOPPED;
	}

	/** How a run started by the scheduler ended. */
	public enum Outcome {

		/** Running, or the scheduler died while it ran. */
		RUNNING,

		/** Completed. */
		COMPLETED,

		/** Its date had already completed: nothing to do. */
		ALREADY_COMPLETED,

		/** Failed; it resumes at its failed step when its date runs again. */
		FAILED,

		/**
		 * Stopped at a step boundary by a shutdown of the scheduler; resumed at the next
		 * start.
		 */
		STOPPED,

		/** Stopped at a step boundary because it ran past its schedule's max-duration. */
		TIMED_OUT,

		/** Not started: another process was running a job in the home. */
		BUSY

	}

}
