package fr.territoire.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code territoire serve --port 0} started from the packaged jar on a home folder, as a
 * user starts it; its address is read from the one line it prints. Close it to stop the
 * server (SIGTERM).
 */
public final class ServedHome implements AutoCloseable {

	private static final Pattern SERVING = Pattern.compile("Serving (.+) at (http://[^ ]+/)");

	private final Process process;

	private final String base;

	private ServedHome(Process process, String base) {
		this.process = process;
		this.base = base;
	}

	/** Starts the server on a home and waits for its address. */
	public static ServedHome start(Path home, Path scratch) throws IOException, InterruptedException {
		Path output = Files.createTempFile(scratch, "serve-", ".out");
		Process process = new ProcessBuilder(
				Launcher.command(SampleExpectations.PROJECT, "256m", "--home", home.toString(), "serve", "--port", "0"))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.redirectOutput(output.toFile())
			.start();
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			String text = Files.readString(output);
			if (text.contains("\n")) {
				String line = text.substring(0, text.indexOf('\n'));
				Matcher serving = SERVING.matcher(line);
				if (!serving.matches()) {
					process.destroyForcibly();
					throw new IllegalStateException("serve printed an unexpected first line: " + line);
				}
				return new ServedHome(process, serving.group(2));
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("serve ended with exit code " + process.exitValue() + ": " + text);
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("serve printed no line in 2 minutes");
	}

	/**
	 * The address of a path of the publish folder, e.g. {@code releases/<id>/index.html}.
	 */
	public String url(String path) {
		return this.base + path;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
