package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The release folders of a home: {@code releases/<date>-<instance>}, written aside in
 * {@code releases/.partial-<date>-<instance>}, and {@code latest}, a symbolic link to one
 * of them.
 */
public final class Releases {

	private Releases() {
	}

	/** The id of the release of a job instance for a run date. */
	public static String id(String runDate, long instance) {
		return runDate + "-" + instance;
	}

	/** The folder a release is written in before it is moved into place. */
	public static Path partial(Path releases, String id) {
		return releases.resolve(".partial-" + id);
	}

	/** The release {@code latest} points at, if it is a link. */
	public static Optional<String> latestId(Path latest) {
		if (!Files.isSymbolicLink(latest)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readSymbolicLink(latest).getFileName().toString());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Points {@code latest} at a release with an atomic rename of a new symbolic link.
	 */
	public static void pointLatest(Path latest, Path release) throws IOException {
		Path link = latest.resolveSibling("latest.new");
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, latest.getParent().relativize(release));
		Files.move(link, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Deletes a folder and everything in it, if it exists. */
	public static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
