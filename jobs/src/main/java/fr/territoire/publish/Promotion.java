package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marker of the pair in service, {@code publish/promotion.json}: the job instance
 * whose warehouse is (or is being made) {@code current.duckdb} and its release, which
 * {@code latest} points (or is being made to point) at. Written before the promotion
 * starts ({@code done} false) and again when both are in place ({@code done} true).
 *
 * @param instance the job instance
 * @param runDate its run date
 * @param release the release id
 * @param done whether both the warehouse and {@code latest} are in place
 */
public record Promotion(long instance, String runDate, String release, boolean done) {

	static final String FILE = "promotion.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** The same pair, marked done. */
	Promotion completed() {
		return new Promotion(this.instance, this.runDate, this.release, true);
	}

	/** Writes the marker atomically (a new file renamed over the old one). */
	void write(Path publish) throws IOException {
		Files.createDirectories(publish);
		Path written = publish.resolve(FILE + ".new");
		JSON.writeValue(written.toFile(), this);
		Files.move(written, publish.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** The marker of a home's publish folder, if any and readable. */
	static Optional<Promotion> read(Path publish) {
		Path file = publish.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(file.toFile(), Promotion.class));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
