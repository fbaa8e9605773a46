package fr.territoire.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the packaged application in a new JVM, as a user would.
 */
public final class Launcher {

	private static final Path JAR = Path.of(System.getProperty("territoire.jar", "target/territoire.jar"));

	private Launcher() {
	}

	/** Runs a command to its end. */
	public static Result run(String... arguments) throws IOException, InterruptedException {
		return runIn(SampleExpectations.PROJECT, arguments);
	}

	/**
	 * Runs a command to its end with another project folder (mappings, warehouse,
	 * schedules).
	 */
	public static Result runIn(Path project, String... arguments) throws IOException, InterruptedException {
		Process process = start(project, arguments);
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = reader(process)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("territoire " + String.join(" ", arguments) + " did not end");
		}
		return new Result(process.exitValue(), String.join("\n", lines));
	}

	/**
	 * Runs a command to its end with environment variables added (settings such as
	 * {@code TERRITOIRE_PUBLISH_KEEPRELEASES}).
	 */
	public static Result runWith(java.util.Map<String, String> environment, String... arguments)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command(SampleExpectations.PROJECT, "1g", arguments))
			.redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = reader(process)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("territoire " + String.join(" ", arguments) + " did not end");
		}
		return new Result(process.exitValue(), String.join("\n", lines));
	}

	/**
	 * Starts a command and kills it with SIGKILL as soon as it prints a line matching the
	 * predicate.
	 * @return the output up to the kill
	 */
	public static String killWhen(Predicate<String> trigger, String... arguments)
			throws IOException, InterruptedException {
		return killWhen(java.util.Map.of(), trigger, arguments);
	}

	/**
	 * Starts a command with environment variables added and kills it with SIGKILL as soon
	 * as it prints a line matching the predicate.
	 * @return the output up to the kill
	 */
	public static String killWhen(java.util.Map<String, String> environment, Predicate<String> trigger,
			String... arguments) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command(SampleExpectations.PROJECT, "1g", arguments))
			.redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = reader(process)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
				if (trigger.test(line)) {
					process.destroyForcibly();
					break;
				}
			}
		}
		process.waitFor(1, TimeUnit.MINUTES);
		return String.join("\n", lines);
	}

	/**
	 * Runs a command to its end with a maximum heap, counting the lines of its standard
	 * output without keeping them (for outputs larger than the test's memory).
	 * @param project the project folder
	 * @param maxHeap the value of {@code -Xmx}, e.g. {@code 256m}
	 * @param arguments the command
	 * @return the exit code, the lines of standard output and the whole standard error
	 */
	public static CountedResult countLines(Path project, String maxHeap, String... arguments)
			throws IOException, InterruptedException {
		Path errors = Files.createTempFile("territoire-stderr", ".txt");
		try {
			ProcessBuilder builder = new ProcessBuilder(command(project, maxHeap, arguments))
				.redirectError(errors.toFile());
			Process process = builder.start();
			long lines = 0;
			byte[] buffer = new byte[1 << 16];
			try (InputStream output = process.getInputStream()) {
				for (int read = output.read(buffer); read >= 0; read = output.read(buffer)) {
					for (int i = 0; i < read; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
				}
			}
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("territoire " + String.join(" ", arguments) + " did not end");
			}
			return new CountedResult(process.exitValue(), lines, Files.readString(errors));
		}
		finally {
			Files.deleteIfExists(errors);
		}
	}

	/** Starts a command in the background, its output discarded; the caller ends it. */
	public static Process startIn(Path project, String... arguments) throws IOException {
		return new ProcessBuilder(command(project, "1g", arguments)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private static Process start(Path project, String... arguments) throws IOException {
		return new ProcessBuilder(command(project, "1g", arguments)).redirectErrorStream(true).start();
	}

	/**
	 * The command line that runs the application (for a caller that starts the process
	 * itself, e.g. a server whose output goes to a file).
	 * @param project the project folder
	 * @param maxHeap the value of {@code -Xmx}, e.g. {@code 256m}
	 * @param arguments the application's arguments
	 * @return the command
	 */
	public static List<String> command(Path project, String maxHeap, String... arguments) {
		// C1 only: the runs of the tests are short and their heavy work is DuckDB's
		// (native);
		// without the optimising compiler a nightly on the samples takes 40 % less CPU
		// (53.6 s
		// against 31.6 s of user + system time, measured with /usr/bin/time), which the
		// 2-core CI machine gives back as wall time.
		// The jar extracted and a class-data archive (FastStart): the same application,
		// started with 40 % less CPU.
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
						"-XX:TieredStopAtLevel=1", "-Dterritoire.project-dir=" + project));
		// DuckDB's answers to the configuration's checks shared by every home of the
		// tests (README, territoire.configuration-cache): each new home would otherwise
		// ask them again, about 1.5 s of a run's start
		String answers = System.getProperty("territoire.configuration-cache");
		if (answers != null) {
			command.add("-Dterritoire.configuration-cache=" + answers);
		}
		command.addAll(FastStart.jarArguments(JAR));
		command.addAll(List.of(arguments));
		return command;
	}

	private static BufferedReader reader(Process process) {
		return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	/**
	 * What a command printed and returned.
	 *
	 * @param exitCode the exit code
	 * @param output stdout and stderr
	 */
	public record Result(int exitCode, String output) {
	}

	/**
	 * What a command returned, the lines it printed on standard output and what it
	 * printed on standard error.
	 *
	 * @param exitCode the exit code
	 * @param lines the lines of standard output
	 * @param errors standard error
	 */
	public record CountedResult(int exitCode, long lines, String errors) {
	}

}
