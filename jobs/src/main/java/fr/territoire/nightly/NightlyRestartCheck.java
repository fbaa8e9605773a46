package fr.territoire.nightly;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.ingest.InboxChanges;
import fr.territoire.ingest.InputDiscovery;
import fr.territoire.job.RestartCheck;
import fr.territoire.mapping.Mapping;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.publish.Releases;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.Warehouses;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobInstance;
import org.springframework.stereotype.Component;

/**
 * Whether a failed nightly can resume where it failed: its {@code next.duckdb} must still
 * be its own (a run of another date starts on a fresh one), and the files of the sources
 * it already ingested must be those of the inbox now (the sources it has not ingested yet
 * read the inbox as it is when their step runs). Otherwise the date starts again from
 * scratch.
 */
@Component
class NightlyRestartCheck implements RestartCheck {

	private static final Logger logger = LoggerFactory.getLogger(NightlyRestartCheck.class);

	private final TerritoireHome home;

	private final TerritoireProperties properties;

	private final ProjectConfiguration project;

	NightlyRestartCheck(TerritoireHome home, TerritoireProperties properties, ProjectConfiguration project) {
		this.home = home;
		this.properties = properties;
		this.project = project;
	}

	@Override
	public String job() {
		return NightlyJobConfiguration.JOB_NAME;
	}

	@Override
	public Optional<String> reasonToStartAgain(JobInstance failed, Set<String> completedSteps, PrintWriter out) {
		Path next = this.home.nextWarehouse();
		long instance = failed.getInstanceId();
		if (!Files.exists(next)) {
			Optional<Owner> current = owner(this.home.currentWarehouse(), true);
			if (current.map(Owner::instance).orElse(-1L) == instance) {
				return Optional.empty();
			}
			return Optional.of(next + ", the warehouse it was building, is missing"
					+ current
						.map((other) -> ": it was replaced by the run of " + other.date() + " (instance "
								+ other.instance() + "), since promoted")
						.orElse(""));
		}
		Map<String, Map<String, String>> recorded = new HashMap<>();
		Optional<Owner> owner;
		try (DuckDBConnection connection = Warehouses.open(next, false, this.properties.warehouse())) {
			owner = owner(connection);
			if (owner.isPresent() && owner.get().instance() == instance) {
				for (List<String> row : Sql.queryRows(connection, "SELECT source, file, sha256 FROM meta.input_file")) {
					recorded.computeIfAbsent(row.get(0), (source) -> new HashMap<>()).put(row.get(1), row.get(2));
				}
			}
		}
		catch (SQLException | TerritoireException ex) {
			return Optional.of(next + ", the warehouse it was building, cannot be read (" + ex.getMessage() + ")");
		}
		if (owner.isEmpty() || owner.get().instance() != instance) {
			return Optional.of(next + ", the warehouse it was building, was replaced by "
					+ owner.map((other) -> "the run of " + other.date() + " (instance " + other.instance() + ")")
						.orElse("an empty one"));
		}
		List<String> changes = new ArrayList<>();
		for (Mapping mapping : this.project.mappings().mappings()) {
			if (!completedSteps.contains("ingest." + mapping.source())) {
				continue;
			}
			InboxChanges change;
			try {
				change = InboxChanges.between(mapping.source(), recorded.getOrDefault(mapping.source(), Map.of()),
						InputDiscovery.find(this.home.inbox(), mapping));
			}
			catch (TerritoireException ex) {
				return Optional.of("the inbox cannot be read again: " + ex.getMessage());
			}
			if (change.any()) {
				changes.add(change.describe());
			}
		}
		if (!changes.isEmpty()) {
			return Optional.of("the inbox changed since the failed run for sources it had already read: "
					+ String.join(" | ", changes));
		}
		return Optional.empty();
	}

	@Override
	public void abandon(JobInstance abandoned, String date, PrintWriter out) {
		long instance = abandoned.getInstanceId();
		Path next = this.home.nextWarehouse();
		if (Files.exists(next) && owner(next, false).map(Owner::instance).orElse(instance) == instance) {
			Warehouses.delete(next);
			tell(out, "  removed " + next + ", the warehouse it was building");
		}
		String id = Releases.id(date, instance);
		Path releases = this.home.releases();
		try {
			Path partial = Releases.partial(releases, id);
			if (Files.exists(partial)) {
				Releases.deleteRecursively(partial);
				tell(out, "  removed " + partial + ", its partial release");
			}
			Path release = releases.resolve(id);
			if (Files.exists(release)) {
				Path latest = this.home.latestRelease();
				if (Releases.latestId(latest).filter(id::equals).isPresent()) {
					Optional<Path> previous = owner(this.home.currentWarehouse(), true)
						.map((current) -> releases.resolve(Releases.id(current.date(), current.instance())))
						.filter(Files::isDirectory);
					if (previous.isPresent()) {
						Releases.pointLatest(latest, previous.get());
						tell(out, "  " + latest + " points again at " + previous.get()
								+ ", the release of the warehouse in service");
					}
					else {
						Files.delete(latest);
						tell(out, "  removed " + latest + ": no release of the warehouse in service to point at");
					}
				}
				Releases.deleteRecursively(release);
				tell(out, "  removed " + release + ", its release never promoted with its warehouse");
			}
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot remove the release of abandoned instance " + instance + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The run that built a warehouse; {@code current.duckdb} is opened read-only, as its
	 * readers do.
	 */
	private Optional<Owner> owner(Path warehouse, boolean readOnly) {
		if (!Files.exists(warehouse)) {
			return Optional.empty();
		}
		try (DuckDBConnection connection = Warehouses.open(warehouse, readOnly, this.properties.warehouse())) {
			return owner(connection);
		}
		catch (SQLException | TerritoireException ex) {
			logger.warn("Cannot read which run built {}: {}", warehouse, ex.getMessage());
			return Optional.empty();
		}
	}

	private static Optional<Owner> owner(DuckDBConnection connection) {
		if (Sql.queryLong(connection,
				"SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' " + "AND table_name = 'run'") == 0) {
			return Optional.empty();
		}
		return Sql
			.queryRows(connection,
					"SELECT job_instance_id, CAST(run_date AS VARCHAR) FROM meta.run ORDER BY started_at DESC LIMIT 1")
			.stream()
			.findFirst()
			.map((row) -> new Owner(Long.parseLong(row.get(0)), row.get(1)));
	}

	private static void tell(PrintWriter out, String message) {
		logger.info(message.strip());
		out.println(message);
	}

	private record Owner(long instance, String date) {
	}

}
