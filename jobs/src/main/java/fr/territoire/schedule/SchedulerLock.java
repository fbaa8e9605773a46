package fr.territoire.schedule;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;

/**
 * {@code <home>/schedule/scheduler.lock}: held with a {@link FileChannel} lock for as
 * long as a {@code territoire schedule} runs on the home, so that a second one refuses to
 * start. The operating system releases it when the process dies. The file says who holds
 * it (pid, host, start time), for the refusal's message.
 */
public final class SchedulerLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private SchedulerLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock file of a home. */
	public static Path file(Path home) {
		return home.resolve("schedule").resolve("scheduler.lock");
	}

	/**
	 * Takes the lock of a home.
	 * @param home the home folder
	 * @return the lock, held until closed
	 * @throws TerritoireException ({@link ErrorCode#RUN_CONFLICT}) naming the holder if
	 * another process holds it
	 */
	public static SchedulerLock acquire(Path home) throws IOException {
		Path file = file(home);
		Files.createDirectories(file.getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (java.nio.channels.OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new TerritoireException(ErrorCode.RUN_CONFLICT, Location.file(file.toString()),
					"another territoire schedule runs on " + home + " (" + holder(file).orElse("holder unknown")
							+ "); stop it first (SIGTERM), or use another home");
		}
		String holder = "pid " + ProcessHandle.current().pid() + " on host " + hostName() + ", started "
				+ Instant.now();
		channel.truncate(0);
		channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(true);
		return new SchedulerLock(channel, lock);
	}

	/** Who holds the lock, as its file says. */
	static Optional<String> holder(Path file) {
		try {
			String text = Files.readString(file).strip();
			return text.isEmpty() ? Optional.empty() : Optional.of(text);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return String.valueOf(System.getenv("HOSTNAME"));
		}
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
