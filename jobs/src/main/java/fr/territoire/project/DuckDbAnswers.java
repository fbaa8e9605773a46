package fr.territoire.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What DuckDB answered to the configuration's questions at start-up (the parse tree of a
 * model, whether a generated staging model binds), remembered in files under the home so
 * that the next command with the same configuration asks nothing: binding every mapping
 * and parsing every model cost about a second at every start, and loading DuckDB for them
 * half a second more.
 * <p>
 * Each answer is kept in a file named after the SHA-256 of the question and of the
 * driver's jar (so another DuckDB asks again); the answers are pure functions of both, so
 * a remembered one is the one DuckDB would give. Without a folder (for example
 * {@code territoire check}, which has no home), every question is asked.
 */
final class DuckDbAnswers {

	private static final @Nullable Object DRIVER = driverJar();

	private final @Nullable Path folder;

	private DuckDbAnswers(@Nullable Path folder) {
		this.folder = folder;
	}

	/** Remembers nothing: every question is asked. */
	static DuckDbAnswers none() {
		return new DuckDbAnswers(null);
	}

	/** Remembers the answers in a folder (created when the first is written). */
	static DuckDbAnswers in(Path folder) {
		return (DRIVER != null) ? new DuckDbAnswers(folder) : none();
	}

	/**
	 * The remembered answer to a question, or the one asked now (then remembered).
	 * @param kind the kind of question, part of the file's name
	 * @param question everything the answer depends on
	 * @param ask asks DuckDB; an empty answer is not remembered
	 * @return the answer
	 */
	Optional<String> answer(String kind, String question, Supplier<Optional<String>> ask) {
		if (this.folder == null) {
			return ask.get();
		}
		Path file = this.folder.resolve(kind + "-" + sha256(DRIVER + "\n" + question) + ".txt");
		if (Files.isRegularFile(file)) {
			try {
				return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				// asked again below
			}
		}
		Optional<String> answer = ask.get();
		answer.ifPresent((text) -> remember(file, text));
		return answer;
	}

	private static void remember(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Path written = Files.createTempFile(file.getParent(), ".answer", ".tmp");
			try {
				Files.writeString(written, text, StandardCharsets.UTF_8);
				Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(written);
			}
		}
		catch (IOException ex) {
			// not remembered: asked again next time
		}
	}

	private static @Nullable Object driverJar() {
		try {
			return org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
