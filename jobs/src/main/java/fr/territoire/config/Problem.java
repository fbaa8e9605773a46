package fr.territoire.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A configuration problem found by {@code territoire check} or at start-up.
 *
 * @param file the file, relative to the project folder
 * @param line the line, when known
 * @param message what is wrong
 * @param hint how to fix it
 */
public record Problem(String file, @Nullable Integer line, String message, @Nullable String hint) {

	public Problem {
		Objects.requireNonNull(file, "file is null");
		Objects.requireNonNull(message, "message is null");
	}

	public static Problem of(String file, String message, String hint) {
		return new Problem(file, null, message, hint);
	}

	@Override
	public String toString() {
		return this.file + ((this.line != null) ? ":" + this.line : "") + ": " + this.message
				+ ((this.hint != null) ? " (hint: " + this.hint + ")" : "");
	}

}
