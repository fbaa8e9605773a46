package fr.territoire.config;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 */
@ConfigurationProperties("territoire")
@Validated
public record TerritoireProperties(@NotNull @DefaultValue("var") Path home, @NotNull @DefaultValue(".") Path projectDir,
		@Nullable Path inbox, @Valid @NotNull @DefaultValue Warehouse warehouse,
		@Valid @NotNull @DefaultValue Geography geography) {

	/**
	 * DuckDB settings. Defaults suit a 2-core, 8 GB server.
	 *
	 * @param memoryLimit DuckDB {@code memory_limit}, e.g. {@code 2GB}
	 * @param threads DuckDB {@code threads}
	 */
	public record Warehouse(
			@NotNull @Pattern(regexp = "\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)",
					message = "must be a size such as 512MB or 2GB") @DefaultValue("2GB") String memoryLimit,
			@Min(1) @Max(256) @DefaultValue("2") int threads) {
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

	/** The resolved folders. */
	public TerritoireHome resolveHome() {
		Path project = this.projectDir.toAbsolutePath().normalize();
		Path root = this.home.toAbsolutePath().normalize();
		Path resolvedInbox = (this.inbox != null) ? this.inbox.toAbsolutePath().normalize() : null;
		return new TerritoireHome(root, project, resolvedInbox);
	}

}
