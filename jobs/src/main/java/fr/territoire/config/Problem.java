package fr.territoire.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A configuration problem found by {@code territoire check} or at start-up. Errors make
 * the configuration invalid; warnings are printed and do not.
 *
 * @param file the file, relative to the project folder
 * @param line the line, when known
 * @param message what is wrong
 * @param hint how to fix it
 * @param severity whether it makes the configuration invalid
 */
public record Problem(String file, @Nullable Integer line, String message, @Nullable String hint, Severity severity) {

	public Problem {
		Objects.requireNonNull(file, "file is null");
		Objects.requireNonNull(message, "message is null");
		Objects.requireNonNull(severity, "severity is null");
	}

	public Problem(String file, @Nullable Integer line, String message, @Nullable String hint) {
		this(file, line, message, hint, Severity.ERROR);
	}

	public static Problem of(String file, String message, String hint) {
		return new Problem(file, null, message, hint, Severity.ERROR);
	}

	public static Problem warning(String file, String message, String hint) {
		return new Problem(file, null, message, hint, Severity.WARNING);
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return ((this.severity == Severity.WARNING) ? "warning: " : "") + this.file
				+ ((this.line != null) ? ":" + this.line : "") + ": " + this.message
				+ ((this.hint != null) ? " (hint: " + this.hint + ")" : "");
	}

	/** Whether a problem makes the configuration invalid. */
	public enum Severity {

		ERROR, WARNING

	}

}
