package fr.territoire.reuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import fr.territoire.config.FileHash;
import fr.territoire.warehouse.Sql;

/**
 * What a run computes from, as three SHA-256: its input files, its configuration and its
 * code. Two runs with the same three compute the same outputs.
 *
 * @param inputs SHA-256 of every input file's source, name, size and SHA-256, sorted
 * (those {@code discover} recorded in {@code meta.input_file}: no file is hashed again)
 * @param configuration SHA-256 of every file of the project's configuration folders
 * (relative path and content, sorted) and of the settings that change outputs
 * @param code SHA-256 of the application's jar
 */
public record RunFingerprint(String inputs, String configuration, String code) {

	/** The project's folders whose files decide what a run computes. */
	static final List<String> CONFIGURATION_FOLDERS = List.of("mappings", "warehouse", "partners");

	/**
	 * The inputs' fingerprint from {@code meta.input_file} as {@code discover} wrote it.
	 */
	static String inputsOf(java.sql.Connection connection) {
		StringBuilder text = new StringBuilder();
		for (List<String> row : Sql.queryRows(connection,
				"SELECT source, file, bytes, sha256 FROM meta.input_file ORDER BY source, file")) {
			text.append(String.join("\t", row)).append('\n');
		}
		return sha256(text.toString());
	}

	/**
	 * The configuration's fingerprint: every regular file under the configuration folders
	 * of the project (hidden ones included: a change is a change), by relative path, then
	 * the settings.
	 * @param project the project folder
	 * @param settings the settings that change outputs, in words (records' text)
	 */
	static String configurationOf(Path project, String settings) {
		MessageDigest digest = digest();
		for (String folder : CONFIGURATION_FOLDERS) {
			Path root = project.resolve(folder);
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile)
					.sorted((a, b) -> project.relativize(a).toString().compareTo(project.relativize(b).toString()))
					.toList()) {
					digest.update(
							project.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0);
					digest.update(Files.readAllBytes(file));
					digest.update((byte) 0);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the configuration folder " + root, ex);
			}
		}
		digest.update(settings.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * The code's fingerprint: the SHA-256 of the jar the application runs from; when it
	 * does not run from a jar (tests, IDE), the classes' folder and the time it starts,
	 * so that such a run never reuses another's release.
	 */
	static String codeOf() {
		String classPath = System.getProperty("java.class.path", "");
		Path jar = classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) ? null : Path.of(classPath);
		if (jar != null && Files.isRegularFile(jar) && jar.toString().endsWith(".jar")) {
			try {
				return FileHash.sha256(jar);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the application's jar " + jar, ex);
			}
		}
		return sha256("not run from a jar: " + classPath + " " + System.nanoTime());
	}

	static String sha256(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JVM has no SHA-256", ex);
		}
	}

}
