package fr.territoire.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The folders Territoire reads and writes. Runtime state lives under {@link #root()},
 * never in the source tree; configuration (mappings, SQL, schedules) lives under
 * {@link #project()}.
 *
 * @param root the home folder ({@code ./var}, {@code TERRITOIRE_HOME} or {@code --home})
 * @param project the project folder
 * @param explicitInbox the inbox given on the command line or in configuration, if any
 */
public record TerritoireHome(Path root, Path project, @Nullable Path explicitInbox) {

	public TerritoireHome {
		Objects.requireNonNull(root, "root is null");
		Objects.requireNonNull(project, "project is null");
	}

	/**
	 * The input folder: explicit, else {@code <home>/inbox} if present, else
	 * {@code samples/}.
	 */
	public Path inbox() {
		if (this.explicitInbox != null) {
			return this.explicitInbox;
		}
		Path homeInbox = this.root.resolve("inbox");
		return Files.isDirectory(homeInbox) ? homeInbox : folders().samples();
	}

	public Path warehouseFolder() {
		return this.root.resolve("warehouse");
	}

	/** The last good warehouse, read-only for everyone but the nightly. */
	public Path currentWarehouse() {
		return warehouseFolder().resolve("current.duckdb");
	}

	/**
	 * The history of the interactive {@code territoire sql} shell, kept between sessions.
	 */
	public Path sqlHistory() {
		return this.root.resolve("sql_history");
	}

	/** The warehouse being built by the running nightly. */
	public Path nextWarehouse() {
		return warehouseFolder().resolve("next.duckdb");
	}

	public Path batchFolder() {
		return this.root.resolve("batch");
	}

	public Path releases() {
		return this.root.resolve("publish").resolve("releases");
	}

	/** A symbolic link to the newest release, swapped atomically. */
	public Path latestRelease() {
		return this.root.resolve("publish").resolve("latest");
	}

	public Path reports() {
		return this.root.resolve("reports");
	}

	/**
	 * Held by the process that runs a job, so that two runs never build the same
	 * warehouse.
	 */
	public Path runLock() {
		return this.root.resolve("run.lock");
	}

	/** The full log, with stack traces (the console shows messages only). */
	public Path log() {
		return this.root.resolve("logs").resolve("territoire.log");
	}

	/** The project's configuration folders. */
	public ProjectFolders folders() {
		return ProjectFolders.of(this.project);
	}

	/**
	 * DuckDB's answers to the configuration's checks, remembered between commands (one
	 * small file per model and per mapping; safe to delete).
	 */
	public Path configurationAnswers() {
		return this.root.resolve("cache").resolve("configuration");
	}

	/** The job repository's database (H2 file, without its extension). */
	public Path jobRepository() {
		return batchFolder().resolve("repository");
	}

}
