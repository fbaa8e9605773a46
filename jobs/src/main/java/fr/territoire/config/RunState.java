package fr.territoire.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the running job is doing, kept in {@code <home>/batch/active-run.json} by the
 * process that runs it (updated every second), so that {@code territoire status} and a
 * second {@code territoire run} can say so without opening the job repository, which the
 * running process locks.
 *
 * @param job the job
 * @param date the run date
 * @param pid the process id of the run
 * @param startedAt when the run started (ISO-8601)
 * @param step the step running, null before the first
 * @param stepStartedAt when that step started (ISO-8601), null before the first
 * @param rowsSoFar the rows read by the steps so far (as committed)
 * @param updatedAt when this state was written (ISO-8601)
 * @param progress how far the running step has got: elapsed time, and the time it took in
 * the last run with what is left of it; null when unknown
 */
public record RunState(String job, String date, long pid, String startedAt, @Nullable String step,
		@Nullable String stepStartedAt, long rowsSoFar, String updatedAt, @Nullable String progress) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The state file of a home. */
	public static Path file(TerritoireHome home) {
		return home.batchFolder().resolve("active-run.json");
	}

	/** Writes the state atomically. */
	public void write(TerritoireHome home) throws IOException {
		Path file = file(home);
		Files.createDirectories(file.getParent());
		Path written = file.resolveSibling(file.getFileName() + ".new");
		Files.writeString(written, JSON.writeValueAsString(this));
		Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Removes the state file of a home. */
	public static void clear(TerritoireHome home) throws IOException {
		Files.deleteIfExists(file(home));
	}

	/**
	 * The run in progress in a home: present when a process holds the home's run lock
	 * (the operating system releases it when the process dies, so a state file left by a
	 * killed run is not shown).
	 * @param home the home
	 * @return the state of the run in progress, or a state with only what is known if its
	 * file cannot be read; empty when no run is in progress
	 */
	public static Optional<RunState> active(TerritoireHome home) {
		if (!lockHeld(home.runLock())) {
			return Optional.empty();
		}
		Path file = file(home);
		try {
			return Optional.of(JSON.readValue(Files.readString(file), RunState.class));
		}
		catch (IOException | JacksonException ex) {
			return Optional.of(new RunState("?", "?", -1, "?", null, null, 0, "?", null));
		}
	}

	/**
	 * Whether a process (this one included) holds a home's run lock (the lock {@code job}
	 * takes while a job runs). The operating system releases it when the process dies, so
	 * a lock that can be taken proves that no run is alive.
	 * @param lockFile the home's run lock
	 * @return whether a run holds it (or it cannot be tried)
	 */
	public static boolean lockHeld(Path lockFile) {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * One line for people, e.g.
	 * {@code nightly of 2026-11-20, started …, pid 123, step model}.
	 */
	public String describe() {
		return this.job + " of " + this.date + ", started " + this.startedAt + ", pid " + this.pid
				+ ((this.step != null) ? ", step " + this.step + " (since " + this.stepStartedAt + ")" : "")
				+ ", rows read so far " + this.rowsSoFar + ((this.progress != null) ? "; " + this.progress : "");
	}

}
