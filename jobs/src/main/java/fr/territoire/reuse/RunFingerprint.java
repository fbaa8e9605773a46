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

import fr.territoire.warehouse.Sql;

/**
 * What a run computes from, as three SHA-256: its input files, its configuration and its
 * code. Two runs with the same three compute the same outputs.
 *
 * @param inputs SHA-256 of every input file's source, name, size and SHA-256, sorted
 * (those {@code discover} recorded in {@code meta.input_file}: no file is hashed again)
 * @param configuration SHA-256 of every file of the project's configuration folders
 * (relative path and content, sorted) and of the settings that change outputs
 * @param code SHA-256 of the application's own classes and resources and of the DuckDB
 * library's version
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
	 * of the project but those the loader skips (hidden ones, {@code README.md}), by
	 * relative path, then the settings.
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
					.filter((file) -> !skipped(root.relativize(file)))
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
	 * Whether the configuration's loader skips a file, as {@code DefinitionFolder} does:
	 * hidden files and folders and {@code README.md} (documentation changes no output).
	 */
	private static boolean skipped(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return relative.getFileName().toString().equals("README.md");
	}

	/**
	 * The code's fingerprint: every class and resource of the application's own classes
	 * folder ({@code BOOT-INF/classes} in the jar, the application jar once extracted,
	 * {@code target/classes} in a build: the same bytes), {@code META-INF/} left out, by
	 * relative path and content, then the DuckDB library's version (which computes most
	 * outputs). A rebuilt jar with the same classes has the same fingerprint; any change
	 * of code, template or default setting changes it.
	 * @param duckdbVersion the DuckDB library's version
	 */
	static String codeOf(String duckdbVersion) {
		String self = RunFingerprint.class.getName().replace('.', '/') + ".class";
		java.net.URL location = RunFingerprint.class.getClassLoader().getResource(self);
		if (location == null) {
			return sha256("code not found " + System.nanoTime());
		}
		String root = location.toString().substring(0, location.toString().length() - self.length());
		MessageDigest digest = digest();
		try {
			org.springframework.core.io.Resource[] resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver(
					RunFingerprint.class.getClassLoader())
				.getResources(root + "**/*");
			java.util.TreeMap<String, org.springframework.core.io.Resource> sorted = new java.util.TreeMap<>();
			for (org.springframework.core.io.Resource resource : resources) {
				String url = resource.getURL().toString();
				if (url.startsWith(root) && !url.endsWith("/") && !url.startsWith(root + "META-INF/")
						&& resource.isReadable()) {
					sorted.put(url.substring(root.length()), resource);
				}
			}
			for (var entry : sorted.entrySet()) {
				digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				try (java.io.InputStream in = entry.getValue().getInputStream()) {
					digest.update(in.readAllBytes());
				}
				digest.update((byte) 0);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the application's classes at " + root, ex);
		}
		digest.update(("duckdb " + duckdbVersion).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
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
