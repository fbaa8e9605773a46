package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import fr.territoire.warehouse.Warehouses;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * At the start of every run of the nightly: finishes a promotion a crash interrupted
 * after {@code current.duckdb} was renamed (so that {@code latest} matches it), removes
 * stale {@code .partial-*} folders and releases that were never promoted (but the
 * starting instance's own), each with a log line.
 */
public class ReleaseHousekeeping implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ReleaseHousekeeping.class);

	private final WarehouseSession warehouse;

	public ReleaseHousekeeping(WarehouseSession warehouse) {
		this.warehouse = warehouse;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		Path releases = this.warehouse.home().releases();
		Path latest = this.warehouse.home().latestRelease();
		Path publish = latest.getParent();
		String own = Releases.id(String.valueOf(execution.getJobParameters().getString("date")),
				execution.getJobInstance().getInstanceId());
		try {
			finishInterruptedPromotion(publish, latest, releases);
			if (!Files.isDirectory(releases)) {
				return;
			}
			List<String> promoted = Releases.promoted(releases);
			try (Stream<Path> folders = Files.list(releases)) {
				for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
					String name = folder.getFileName().toString();
					if (name.startsWith(".partial-")) {
						Releases.deleteRecursively(folder);
						logger.info("Removed {}, a partial release left by a run that stopped while publishing",
								folder);
					}
					else if (!promoted.contains(name) && !name.equals(own)
							&& !Releases.latestId(latest).filter(name::equals).isPresent()) {
						Releases.deleteRecursively(folder);
						logger.info("Removed {}, a release whose run never promoted it (abandoned)", folder);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot clean the releases folder " + releases + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A marker not done whose instance built {@code current.duckdb}: the crash came after
	 * the warehouse was renamed and before {@code latest} was switched; switch it now.
	 * Any other marker not done: nothing was renamed, the previous pair is still in
	 * service; the marker is removed (its run writes it again when it promotes).
	 */
	private void finishInterruptedPromotion(Path publish, Path latest, Path releases) throws IOException {
		Optional<Promotion> marker = Promotion.read(publish);
		if (marker.isEmpty() || marker.get().done()) {
			return;
		}
		Promotion pair = marker.get();
		if (currentInstance() == pair.instance() && Files.isDirectory(releases.resolve(pair.release()))) {
			logger.warn("The promotion of release {} was interrupted after its warehouse was put in service; "
					+ "finishing it: latest now points at it", pair.release());
			PromotionTasklet.finish(publish, pair, latest, releases);
		}
		else {
			Files.deleteIfExists(publish.resolve(Promotion.FILE));
			logger.warn("The promotion of release {} was interrupted before anything was renamed; the previous "
					+ "release and warehouse stay in service", pair.release());
		}
	}

	private long currentInstance() {
		Path current = this.warehouse.home().currentWarehouse();
		if (!Files.exists(current)) {
			return -1;
		}
		try (DuckDBConnection connection = Warehouses.open(current, true, this.warehouse.settings())) {
			return Sql.queryLong(connection, "SELECT coalesce(max(job_instance_id), -1) FROM meta.run");
		}
		catch (SQLException | TerritoireException ex) {
			logger.warn("Cannot read which run built {}: {}", current, ex.getMessage());
			return -1;
		}
	}

}
