package fr.territoire.cli;

import java.nio.file.Path;
import java.util.Optional;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;

/**
 * Turns an exception that escaped a command into a message and an exit code. The first
 * {@link TerritoireException} in the chain of causes decides, by the kind of its code:
 * usage and configuration exit 2, input and run failures exit 1; anything else is a bug
 * (exit 1), said so with the path of the full log.
 */
final class Failures {

	private Failures() {
	}

	/** The coded error in the chain of causes, if any. */
	static Optional<TerritoireException> coded(Throwable exception) {
		for (Throwable current = exception; current != null; current = current.getCause()) {
			if (current instanceof TerritoireException coded) {
				return Optional.of(coded);
			}
		}
		return Optional.empty();
	}

	static ErrorCode code(Throwable exception) {
		return coded(exception).map(TerritoireException::code).orElse(ErrorCode.INTERNAL);
	}

	static String describe(Throwable exception, Path log) {
		Optional<TerritoireException> coded = coded(exception);
		if (coded.isPresent() && coded.get().code().kind() != ErrorCode.Kind.INTERNAL) {
			return coded.get().getMessage();
		}
		Throwable shown = coded.<Throwable>map((error) -> error).orElse(exception);
		return "internal error, this is a bug: " + ((coded.isPresent()) ? "" : "[" + ErrorCode.INTERNAL + "] ")
				+ shown.getClass().getSimpleName() + ": " + shown.getMessage() + " (the full log is in " + log
				+ "; please report it with the log)";
	}

	static int exitCode(Throwable exception) {
		return code(exception).kind().exitCode();
	}

}
