package fr.territoire.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock on the home folder held while a job runs. The operating system
 * releases it when the process dies, so a lock that can be taken proves that no run is
 * alive, and any execution the job repository still shows as running was left by a
 * crashed process.
 */
public final class RunLock implements AutoCloseable {

	/** The lock files this process holds: taking one again is a no-op. */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final @Nullable FileChannel channel;

	private final @Nullable FileLock lock;

	private final Path file;

	private RunLock(@Nullable FileChannel channel, @Nullable FileLock lock, Path file) {
		this.channel = channel;
		this.lock = lock;
		this.file = file;
	}

	/**
	 * Takes the lock, or returns empty if another process holds it. If this process holds
	 * it already (the command took it before starting Spring), returns a lock whose close
	 * does nothing.
	 */
	public static Optional<RunLock> tryAcquire(Path file) throws IOException {
		Path key = file.toAbsolutePath().normalize();
		if (HELD.contains(key)) {
			return Optional.of(new RunLock(null, null, key));
		}
		Files.createDirectories(file.getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		HELD.add(key);
		return Optional.of(new RunLock(channel, lock, key));
	}

	@Override
	public void close() throws IOException {
		if (this.lock == null || this.channel == null) {
			return;
		}
		HELD.remove(this.file);
		this.lock.release();
		this.channel.close();
	}

}
