package fr.territoire.cli;

import fr.territoire.error.TerritoireException;

/**
 * Turns an exception that escaped a command into a message and an exit code:
 * configuration problems are usage errors (2), anything else a failed run (1).
 */
final class Failures {

	private Failures() {
	}

	static String describe(Throwable exception) {
		Throwable current = exception;
		while (current.getCause() != null && !(current instanceof TerritoireException) && !isConfiguration(current)) {
			current = current.getCause();
		}
		return String.valueOf(current.getMessage());
	}

	static int exitCode(Throwable exception) {
		for (Throwable current = exception; current != null; current = current.getCause()) {
			if (isConfiguration(current)) {
				return ExitCodes.USAGE;
			}
		}
		return ExitCodes.JOB_FAILED;
	}

	private static boolean isConfiguration(Throwable exception) {
		String name = exception.getClass().getName();
		return name.endsWith("InvalidConfigurationException") || name.endsWith("BindValidationException")
				|| name.endsWith("ConfigurationPropertiesBindException");
	}

}
