package fr.territoire.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * DuckDB's JDBC driver (2.0) extracts its native library (about 70 MB) to a new file
 * {@code <java.io.tmpdir>/libduckdb_java<random>.so} every time a process loads it, and
 * deletes it only at a normal exit (it has no setting to reuse an extracted copy: it
 * looks for the library elsewhere only when the jar does not hold it). After a kill, the
 * file would stay forever. So each process records which file it loaded in
 * {@code <java.io.tmpdir>/territoire-native-<pid>.txt}, and every command starts by
 * deleting the files recorded by processes that are gone. Linux only ({@code /proc}).
 */
public final class NativeLibraryLeftovers {

	private static final String PREFIX = "territoire-native-";

	private static final AtomicBoolean recorded = new AtomicBoolean();

	private NativeLibraryLeftovers() {
	}

	/** Deletes the native libraries recorded by processes that are gone. */
	public static void sweep() {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> markers = Files.list(tmp)) {
			for (Path marker : markers.filter((path) -> path.getFileName().toString().startsWith(PREFIX)).toList()) {
				String pid = marker.getFileName().toString().substring(PREFIX.length()).replace(".txt", "");
				if (!alive(pid)) {
					for (String line : Files.readAllLines(marker)) {
						Path library = Path.of(line.strip());
						if (library.getFileName().toString().startsWith("libduckdb_java")
								&& tmp.equals(library.getParent())) {
							Files.deleteIfExists(library);
						}
					}
					Files.deleteIfExists(marker);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// nothing to sweep, or not ours to sweep
		}
	}

	/**
	 * Records the native library this process loaded; call it once DuckDB is loaded
	 * (after a first connection). Does something the first time only.
	 */
	public static void record() {
		if (!recorded.compareAndSet(false, true)) {
			return;
		}
		Path maps = Path.of("/proc/self/maps");
		if (!Files.isReadable(maps)) {
			return;
		}
		try (Stream<String> lines = Files.lines(maps)) {
			List<String> libraries = lines.filter((line) -> line.contains("libduckdb_java"))
				.map((line) -> line.substring(line.indexOf('/')).replace(" (deleted)", "").strip())
				.distinct()
				.toList();
			if (libraries.isEmpty()) {
				return;
			}
			Path marker = Path.of(System.getProperty("java.io.tmpdir"))
				.resolve(PREFIX + ProcessHandle.current().pid() + ".txt");
			Files.write(marker, libraries);
			marker.toFile().deleteOnExit();
		}
		catch (IOException | RuntimeException ex) {
			// the library may be left behind after a kill
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

}
