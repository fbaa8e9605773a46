package fr.territoire.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where one process's queries spill to disk: {@code <home>/tmp/sql-<pid>/}, deleted when
 * the session closes. A killed process cannot delete its folder, so opening one first
 * sweeps the folders of processes that are gone.
 *
 * @param path the folder
 */
record SpillFolder(Path path) implements AutoCloseable {

	private static final String PREFIX = "sql-";

	/** Sweeps the folders of dead processes, then creates this process's folder. */
	static SpillFolder create(Path root) {
		try {
			Files.createDirectories(root);
			sweep(root);
			Path folder = root.resolve(PREFIX + ProcessHandle.current().pid());
			Files.createDirectories(folder);
			return new SpillFolder(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a spill folder under " + root, ex);
		}
	}

	/** Deletes the folders whose process is no longer alive. */
	static void sweep(Path root) throws IOException {
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : folders.toList()) {
				String name = folder.getFileName().toString();
				if (name.startsWith(PREFIX) && Files.isDirectory(folder) && !alive(name.substring(PREFIX.length()))) {
					delete(folder);
				}
			}
		}
	}

	private static boolean alive(String pid) {
		try {
			return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@Override
	public void close() {
		try {
			delete(this.path);
		}
		catch (IOException ex) {
			// swept at the next start
		}
	}

}
