package fr.territoire.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the project's configuration lives, below the project folder. The one place these
 * names are written.
 *
 * @param root the project folder
 */
public record ProjectFolders(Path root) {

	public ProjectFolders {
		Objects.requireNonNull(root, "root is null");
	}

	public static ProjectFolders of(Path root) {
		return new ProjectFolders(root);
	}

	/** One YAML per source: {@code mappings/}. */
	public Path mappings() {
		return this.root.resolve("mappings");
	}

	/** The warehouse's SQL and its documentation: {@code warehouse/}. */
	public Path warehouse() {
		return this.root.resolve("warehouse");
	}

	/** SQL models by layer: {@code warehouse/models/<layer>/}. */
	public Path models() {
		return warehouse().resolve("models");
	}

	/** Queries returning offending rows: {@code warehouse/audits/}. */
	public Path audits() {
		return warehouse().resolve("audits");
	}

	/** Indicator definitions: {@code warehouse/indicators/}. */
	public Path indicators() {
		return warehouse().resolve("indicators");
	}

	/** When each job runs: {@code schedules/}. */
	public Path schedules() {
		return this.root.resolve("schedules");
	}

	/** The bundled sample inputs: {@code samples/}. */
	public Path samples() {
		return this.root.resolve("samples");
	}

}
