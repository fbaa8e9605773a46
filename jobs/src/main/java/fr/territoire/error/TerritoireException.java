package fr.territoire.error;

import org.jspecify.annotations.Nullable;

/**
 * An error with a code and, when it is about data, where it happened.
 */
public class TerritoireException extends RuntimeException {

	private final ErrorCode code;

	private final @Nullable Location location;

	public TerritoireException(ErrorCode code, @Nullable Location location, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.location = location;
	}

	public TerritoireException(ErrorCode code, String message) {
		this(code, null, message, null);
	}

	public TerritoireException(ErrorCode code, Location location, String message) {
		this(code, location, message, null);
	}

	public ErrorCode code() {
		return this.code;
	}

	public @Nullable Location location() {
		return this.location;
	}

	@Override
	public String getMessage() {
		String message = super.getMessage();
		return "[" + this.code + "] " + ((this.location != null) ? this.location + ": " : "") + message;
	}

}
