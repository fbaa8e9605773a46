package fr.territoire.nightly;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.territoire.config.Problem;

/**
 * Refuses to start a job on invalid configuration: {@code territoire check} lists the
 * problems.
 */
final class Catalogs {

	private Catalogs() {
	}

	static <T> T valid(T catalog, Function<T, List<Problem>> problems) {
		List<Problem> found = problems.apply(catalog);
		if (!found.isEmpty()) {
			throw new InvalidConfigurationException(found);
		}
		return catalog;
	}

	/** Thrown at start-up when configuration files are invalid. */
	static final class InvalidConfigurationException extends IllegalStateException {

		InvalidConfigurationException(List<Problem> problems) {
			super("invalid configuration (run 'territoire check'):\n"
					+ problems.stream().map((problem) -> "  " + problem).collect(Collectors.joining("\n")));
		}

	}

}
