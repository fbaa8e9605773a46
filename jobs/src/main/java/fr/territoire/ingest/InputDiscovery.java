package fr.territoire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;

/**
 * Finds the input files of a mapping in the inbox and hashes them.
 */
public final class InputDiscovery {

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
			return paths.filter(Files::isRegularFile)
				.filter((path) -> matchers.stream().anyMatch((matcher) -> matcher.matches(inbox.relativize(path))))
				.sorted()
				.map((path) -> describe(inbox, mapping.source(), path))
				.toList();
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.MISSING_INPUT, Location.file(inbox.toString()),
					"cannot list the inbox: " + ex.getMessage(), ex);
		}
	}

	/** Names and hashes one file of the inbox. */
	public static InputFile describe(Path inbox, String source, Path path) {
		String name = inbox.relativize(path).toString();
		try {
			return new InputFile(source, path.toAbsolutePath(), name, Files.size(path), sha256(path));
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(name),
					"cannot read the file: " + ex.getMessage(), ex);
		}
	}

	/** The SHA-256 of a file's content, in lower-case hexadecimal. */
	public static String sha256(Path path) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
				in.transferTo(OutputStreams.NULL);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class OutputStreams {

		static final java.io.OutputStream NULL = java.io.OutputStream.nullOutputStream();

	}

}
