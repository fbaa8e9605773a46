package fr.territoire.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on the home folder held while a job runs. The operating system
 * releases it when the process dies, so a lock that can be taken proves that no run is
 * alive, and any execution the job repository still shows as running was left by a
 * crashed process.
 */
final class RunLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private RunLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock, or returns empty if another process holds it. */
	static Optional<RunLock> tryAcquire(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		return Optional.of(new RunLock(channel, lock));
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
