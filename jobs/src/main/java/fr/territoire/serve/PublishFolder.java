package fr.territoire.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The folder served: its {@code releases/} and {@code latest} only. A request is resolved
 * anew each time (so {@code latest} is followed as it is at that moment) to a real path,
 * symbolic links included, that must stay inside the folder and cross no hidden folder.
 *
 * @param root the home's {@code publish/} folder (it may not exist yet)
 */
record PublishFolder(Path root) {

	static final String LATEST = "latest";

	static final String RELEASES = "releases";

	private static final Set<String> SERVED = Set.of(LATEST, RELEASES);

	/**
	 * The real file or folder a request names, if it is served.
	 * @param path the checked request path, not the root
	 * @return the real path, empty for anything that must answer 404
	 */
	Optional<Path> resolve(RequestPath path) {
		if (path.root() || !SERVED.contains(path.first())) {
			return Optional.empty();
		}
		try {
			Path realRoot = this.root.toRealPath();
			Path candidate = realRoot;
			for (String segment : path.segments()) {
				if (RequestPath.hidden(segment)) {
					return Optional.empty();
				}
				candidate = candidate.resolve(segment);
			}
			Path real = candidate.toRealPath();
			if (!real.startsWith(realRoot) || real.equals(realRoot)) {
				return Optional.empty();
			}
			for (Path name : realRoot.relativize(real)) {
				if (RequestPath.hidden(name.toString())) {
					return Optional.empty();
				}
			}
			if (!SERVED.contains(realRoot.relativize(real).getName(0).toString())) {
				return Optional.empty();
			}
			return (Files.isRegularFile(real) || Files.isDirectory(real)) ? Optional.of(real) : Optional.empty();
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
	}

	/** Whether {@code latest/index.html} exists: the catalogue page. */
	boolean hasCatalogue() {
		return Files.isRegularFile(this.root.resolve(LATEST).resolve("index.html"));
	}

}
