package fr.territoire.config;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Territoire's configuration ({@code territoire.*}), validated at start-up.
 *
 * @param home the home folder holding all runtime state (warehouse, job repository,
 * releases, reports)
 * @param projectDir the folder holding {@code mappings/}, {@code warehouse/},
 * {@code schedules/} and {@code samples/}
 * @param inbox where input files are found; by default {@code <home>/inbox} when it
 * exists, otherwise the bundled {@code samples/}
 * @param warehouse DuckDB settings
 * @param geography geography settings
 * @param query bounds and layers of ad-hoc SQL ({@code territoire sql})
 * @param publish publication settings
 * @param ingest how input files are read
 * @param configurationCache where DuckDB's answers to the configuration's checks are
 * remembered; by default {@code <home>/cache/configuration}; homes on one machine may
 * share a folder (answers are named after their question and the driver)
 */
@ConfigurationProperties("territoire")
@Validated
public record TerritoireProperties(@NotNull @DefaultValue("var") Path home, @NotNull @DefaultValue(".") Path projectDir,
		@Nullable Path inbox, @Valid @NotNull @DefaultValue Warehouse warehouse,
		@Valid @NotNull @DefaultValue Geography geography, @Valid @NotNull @DefaultValue Query query,
		@Valid @NotNull @DefaultValue Publish publish, @Valid @NotNull @DefaultValue Ingest ingest,
		@Nullable Path configurationCache) {

	private static final String SIZE = "\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)";

	private static final String SIZE_MESSAGE = "must be a size such as 512MB or 2GB";

	/**
	 * DuckDB settings. Defaults suit a 2-core, 8 GB server.
	 *
	 * @param memoryLimit DuckDB {@code memory_limit}, e.g. {@code 2GB}
	 * @param threads DuckDB {@code threads}
	 */
	public record Warehouse(
			@NotNull @Pattern(regexp = SIZE, message = SIZE_MESSAGE) @DefaultValue("2GB") String memoryLimit,
			@Min(1) @Max(256) @DefaultValue("2") int threads) {
	}

	/**
	 * How input files are read.
	 *
	 * @param formulaEvaluationLimit the largest workbook loaded whole in memory to
	 * evaluate the formulas stored without their result (as some programs write them); a
	 * formula of a larger workbook without its result fails the file, naming its cell
	 */
	public record Ingest(@NotNull @DefaultValue("5MB") DataSize formulaEvaluationLimit) {
	}

	/**
	 * Publication settings.
	 *
	 * @param keepReleases how many promoted releases {@code publish/releases/} keeps (the
	 * one {@code latest} points at included); older ones are deleted after each promotion
	 */
	public record Publish(@Min(1) @Max(10000) @DefaultValue("14") int keepReleases) {
	}

	/**
	 * Geography settings.
	 *
	 * @param targetVintage the COG vintage every source is harmonised to, e.g.
	 * {@code 2026}; by default the newest loaded
	 */
	public record Geography(@Nullable @Pattern(regexp = "[0-9]{4}",
			message = "must be a year such as 2026 (a loaded COG vintage)") String targetVintage) {
	}

	/**
	 * Bounds and layers of ad-hoc SQL ({@code territoire sql}). Defaults suit a 2-core, 8
	 * GB server where the nightly may run at the same time.
	 *
	 * @param timeout a query running longer is cancelled
	 * @param memoryLimit DuckDB {@code memory_limit} of a session
	 * @param threads DuckDB {@code threads} of a session
	 * @param maxSpill DuckDB {@code max_temp_directory_size}: what a query may spill to
	 * disk, in a folder of its own deleted when the session ends
	 * @param allSchemas whether every schema may be read; by default only {@code public}
	 * and {@code mart}, where the register's diffusion rules are applied (décret
	 * 2022-1014)
	 */
	public record Query(@NotNull @DefaultValue("60s") Duration timeout,
			@NotNull @Pattern(regexp = SIZE, message = SIZE_MESSAGE) @DefaultValue("1GB") String memoryLimit,
			@Min(1) @Max(256) @DefaultValue("2") int threads,
			@NotNull @Pattern(regexp = SIZE, message = SIZE_MESSAGE) @DefaultValue("10GB") String maxSpill,
			@DefaultValue("false") boolean allSchemas) {

		public Query {
			java.util.Objects.requireNonNull(timeout, "timeout is null");
			if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("territoire.query.timeout must be at least 1s, got " + timeout);
			}
			if (timeout.toMillis() % 1000 != 0) {
				throw new IllegalArgumentException(
						"territoire.query.timeout must be a whole number of seconds, got " + timeout);
			}
		}

		/** The defaults, for commands that do not start Spring. */
		public static Query defaults() {
			return new Query(Duration.ofSeconds(60), "1GB", 2, "10GB", false);
		}

		/** The same bounds with another timeout. */
		public Query withTimeout(Duration timeout) {
			return new Query(timeout, this.memoryLimit, this.threads, this.maxSpill, this.allSchemas);
		}

		/** The same bounds, every schema readable or not. */
		public Query withAllSchemas(boolean allSchemas) {
			return new Query(this.timeout, this.memoryLimit, this.threads, this.maxSpill, allSchemas);
		}

	}

	/**
	 * Whether a text is a size such as {@code 512MB} or {@code 2GB}, as the size settings
	 * accept.
	 */
	public static boolean isSize(String text) {
		return text.strip().matches(SIZE);
	}

	/** Where DuckDB's answers to the configuration's checks are remembered. */
	public Path configurationAnswers(TerritoireHome home) {
		return (this.configurationCache != null) ? this.configurationCache.toAbsolutePath().normalize()
				: home.configurationAnswers();
	}

	/** The resolved folders. */
	public TerritoireHome resolveHome() {
		Path project = this.projectDir.toAbsolutePath().normalize();
		Path root = this.home.toAbsolutePath().normalize();
		Path resolvedInbox = (this.inbox != null) ? this.inbox.toAbsolutePath().normalize() : null;
		return new TerritoireHome(root, project, resolvedInbox);
	}

}
