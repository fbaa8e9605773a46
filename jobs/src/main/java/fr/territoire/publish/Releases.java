package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

	/**
	 * The file listing the releases promoted, oldest first: beside the releases folder,
	 * which holds only releases.
	 */
	private static Path promotedList(Path releases) {
		return releases.resolveSibling("promoted-releases.txt");
	}

	/**
	 * The releases promoted with their warehouse, oldest first. A home published before
	 * this list existed has its release folders taken as promoted.
	 */
	public static List<String> promoted(Path releases) throws IOException {
		Path list = promotedList(releases);
		if (Files.isRegularFile(list)) {
			return Files.readAllLines(list).stream().filter((line) -> !line.isBlank()).toList();
		}
		if (!Files.isDirectory(releases)) {
			return List.of();
		}
		try (Stream<Path> folders = Files.list(releases)) {
			List<String> existing = folders.filter(Files::isDirectory)
				.map((folder) -> folder.getFileName().toString())
				.filter((name) -> !name.startsWith("."))
				.sorted(Comparator.comparing(Releases::instanceOf).thenComparing(Comparator.naturalOrder()))
				.toList();
			write(list, existing);
			return existing;
		}
	}

	/** Adds a release at the end of the promoted list (once). */
	static void recordPromoted(Path releases, String id) throws IOException {
		List<String> promoted = new ArrayList<>(promoted(releases));
		promoted.remove(id);
		promoted.add(id);
		write(promotedList(releases), promoted);
	}

	/**
	 * Deletes the oldest promoted releases beyond the {@code keep} most recent; never the
	 * one {@code latest} points at.
	 * @return the releases deleted
	 */
	static List<Path> retain(Path releases, Path latest, int keep) throws IOException {
		List<String> promoted = new ArrayList<>(promoted(releases));
		Optional<String> inService = latestId(latest);
		List<Path> deleted = new ArrayList<>();
		while (promoted.size() > keep) {
			String oldest = promoted.get(0);
			if (inService.filter(oldest::equals).isPresent()) {
				break;
			}
			promoted.remove(0);
			Path folder = releases.resolve(oldest);
			if (Files.exists(folder)) {
				deleteRecursively(folder);
				deleted.add(folder);
			}
		}
		write(promotedList(releases), promoted);
		return deleted;
	}

	private static long instanceOf(String id) {
		String instance = id.substring(id.lastIndexOf('-') + 1);
		return instance.chars().allMatch(Character::isDigit) && !instance.isEmpty() ? Long.parseLong(instance) : -1;
	}

	private static void write(Path list, List<String> ids) throws IOException {
		Path written = list.resolveSibling(list.getFileName() + ".new");
		Files.write(written, ids);
		Files.move(written, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

}
