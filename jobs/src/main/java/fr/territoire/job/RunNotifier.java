package fr.territoire.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured notification command ({@link NotifyProperties}) at the end of a
 * run. Its failure (exit code, timeout, command not found) is logged and never fails the
 * run.
 */
final class RunNotifier {

	private static final Logger logger = LoggerFactory.getLogger(RunNotifier.class);

	private final NotifyProperties properties;

	RunNotifier(NotifyProperties properties) {
		this.properties = properties;
	}

	/**
	 * Notifies the end of a run, if a command is configured.
	 * @param environment the variables given to the command
	 * @param log where the command's output goes
	 */
	void notify(Map<String, String> environment, Path log) {
		String command = this.properties.command();
		if (command == null || command.isBlank()) {
			return;
		}
		@Nullable Process process = null;
		try {
			ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			process = builder.start();
			if (!process.waitFor(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				logger.warn("The notification command did not end within {} and was stopped: {}",
						this.properties.timeout(), command);
			}
			else if (process.exitValue() != 0) {
				logger.warn("The notification command failed (exit code {}): {}; its output is in {}",
						process.exitValue(), command, log);
			}
			else {
				logger.info("Notification sent: {}", command);
			}
		}
		catch (IOException ex) {
			logger.warn("The notification command could not be run: {}: {}", command, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (process != null) {
				process.destroyForcibly();
			}
			logger.warn("The notification command was interrupted: {}", command);
		}
	}

}
