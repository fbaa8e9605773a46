package fr.territoire.query;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a run holds the home's run lock (the lock {@code job} takes while a job runs).
 * The operating system releases it when the process dies, so a lock that can be taken
 * proves that no run is alive.
 */
final class ActiveRun {

	private ActiveRun() {
	}

	/** Whether a process (this one included) holds the lock. */
	static boolean holds(Path lockFile) {
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

}
