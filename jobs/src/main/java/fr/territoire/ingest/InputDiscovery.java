package fr.territoire.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

import fr.territoire.config.FileHash;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;

/**
 * Finds the input files of a mapping in the inbox and hashes them.
 */
public final class InputDiscovery {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(InputDiscovery.class);

	private InputDiscovery() {
	}

	/** The files of the inbox matching one of the mapping's patterns, sorted by name. */
	public static List<InputFile> find(Path inbox, Mapping mapping) {
		if (!Files.isDirectory(inbox)) {
			throw new TerritoireException(ErrorCode.MISSING_INPUT, Location.file(inbox.toString()),
					"the inbox folder does not exist");
		}
		List<PathMatcher> matchers = mapping.files()
			.stream()
			.map((pattern) -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
			.toList();
		try (Stream<Path> paths = Files.walk(inbox)) {
			return paths
				.filter((path) -> matchers.stream().anyMatch((matcher) -> matcher.matches(inbox.relativize(path))))
				.filter((path) -> readable(inbox, mapping, path))
				.sorted()
				.map((path) -> describe(inbox, mapping.source(), path))
				.toList();
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.MISSING_INPUT, Location.file(inbox.toString()),
					"cannot list the inbox: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether a path matching the mapping's patterns is a file to read; one that is not
	 * (a symbolic link that loops or leads nowhere, a folder, a device) is skipped with a
	 * warning naming it.
	 */
	private static boolean readable(Path inbox, Mapping mapping, Path path) {
		if (Files.isRegularFile(path)) {
			return true;
		}
		String name = inbox.relativize(path).toString();
		String reason;
		if (Files.isSymbolicLink(path)) {
			reason = "a symbolic link that loops or leads to no file";
		}
		else if (Files.isDirectory(path)) {
			reason = "a folder";
		}
		else {
			reason = "not a regular file";
		}
		logger.warn("Skipped {} for source {}: it matches {} but is {}", name, mapping.source(), mapping.files(),
				reason);
		return false;
	}

	/** Names and hashes one file of the inbox. */
	public static InputFile describe(Path inbox, String source, Path path) {
		String name = inbox.relativize(path).toString();
		try {
			return new InputFile(source, path.toAbsolutePath(), name, Files.size(path), FileHash.sha256(path));
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(name),
					"cannot read the file: " + ex.getMessage(), ex);
		}
	}

}
