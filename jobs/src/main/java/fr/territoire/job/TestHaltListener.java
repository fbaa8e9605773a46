package fr.territoire.job;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * <strong>Test only</strong>: stops the process abruptly at a named step, so that the
 * crash harness can check that the same command then rebuilds what an uninterrupted run
 * builds. Off unless the system property {@code territoire.test.halt-at} (or the
 * environment variable {@code TERRITOIRE_TEST_HALT_AT}) is set, to
 * {@code <step>[:start|:end][:kill|:term]}:
 * <ul>
 * <li>{@code start}: when the step starts (recorded as started, nothing done);
 * {@code end} (the default): when the step's work is done, before the job repository
 * records it completed, so that the restart does the step again;</li>
 * <li>{@code kill} (the default): {@link Runtime#halt(int) Runtime.halt(137)}, what a
 * SIGKILL leaves (no shutdown hook, no finally block); {@code term}: the process sends
 * itself SIGTERM (shutdown hooks run) and waits to be stopped.</li>
 * </ul>
 */
final class TestHaltListener implements StepExecutionListener {

	/** The system property that turns the hook on. */
	static final String PROPERTY = "territoire.test.halt-at";

	private static final String VARIABLE = "TERRITOIRE_TEST_HALT_AT";

	private static final Logger logger = LoggerFactory.getLogger(TestHaltListener.class);

	private final HaltPoint point;

	private TestHaltListener(HaltPoint point) {
		this.point = point;
	}

	/** The hook, if this process was asked to halt at a step. */
	static Optional<TestHaltListener> fromEnvironment() {
		return HaltPoint.parse(System.getProperty(PROPERTY, System.getenv(VARIABLE))).map(TestHaltListener::new);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		if (this.point.matches(stepExecution.getStepName(), true)) {
			halt(stepExecution);
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (this.point.matches(stepExecution.getStepName(), false)) {
			halt(stepExecution);
		}
		return stepExecution.getExitStatus();
	}

	private void halt(StepExecution stepExecution) {
		logger.warn("Test hook {}: stopping the process at {} of step {} with {}", PROPERTY,
				this.point.atStart() ? "the start" : "the end", stepExecution.getStepName(),
				this.point.term() ? "SIGTERM" : "halt(137)");
		System.out.flush();
		if (!this.point.term()) {
			Runtime.getRuntime().halt(137);
		}
		try {
			new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid())).inheritIO()
				.start()
				.waitFor();
			Thread.sleep(60_000);
		}
		catch (IOException ex) {
			Runtime.getRuntime().halt(143);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Runtime.getRuntime().halt(143);
	}

	/**
	 * Where and how to stop.
	 *
	 * @param step the step's name
	 * @param atStart at its start, else at its end
	 * @param term with SIGTERM, else with halt(137)
	 */
	record HaltPoint(String step, boolean atStart, boolean term) {

		static Optional<HaltPoint> parse(@Nullable String value) {
			if (value == null || value.isBlank()) {
				return Optional.empty();
			}
			String[] parts = value.strip().split(":");
			boolean atStart = false;
			boolean term = false;
			for (int i = 1; i < parts.length; i++) {
				switch (parts[i].toLowerCase(Locale.ROOT)) {
					case "start" -> atStart = true;
					case "end" -> atStart = false;
					case "term" -> term = true;
					case "kill" -> term = false;
					default -> throw new IllegalArgumentException(
							PROPERTY + ": '" + parts[i] + "' is not start, end, kill or term in '" + value + "'");
				}
			}
			return Optional.of(new HaltPoint(parts[0], atStart, term));
		}

		boolean matches(String stepName, boolean starting) {
			return this.step.equals(stepName) && this.atStart == starting;
		}

	}

}
