package fr.territoire.serve;

import java.nio.file.Path;
import java.util.Objects;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;

/**
 * What {@code territoire serve} serves and where it listens.
 *
 * @param publish the home's {@code publish/} folder
 * @param bind the address to listen on ({@code 127.0.0.1} by default)
 * @param port the port, 0 for any free one
 */
public record ServeSettings(Path publish, String bind, int port) {

	public ServeSettings {
		Objects.requireNonNull(publish, "publish is null");
		Objects.requireNonNull(bind, "bind is null");
		if (port < 0 || port > 65535) {
			throw new TerritoireException(ErrorCode.BAD_USAGE, null,
					"the port must be between 0 (any free port) and 65535, not " + port);
		}
		if (bind.isBlank()) {
			throw new TerritoireException(ErrorCode.BAD_USAGE, null, "the address is empty");
		}
	}

}
