package fr.territoire.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finds the input files of every mapping in the inbox, hashes them and records them in
 * {@code meta.input_file}.
 */
public class DiscoverTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(DiscoverTasklet.class);

	private final WarehouseSession warehouse;

	private final MappingCatalog mappings;

	public DiscoverTasklet(WarehouseSession warehouse, MappingCatalog mappings) {
		this.warehouse = warehouse;
		this.mappings = mappings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		DuckDBConnection connection = this.warehouse.connection();
		var inbox = this.warehouse.home().inbox();
		logger.info("Inbox: {}", inbox);
		Sql.execute(connection, "clear input files", "DELETE FROM meta.input_file");
		int total = 0;
		for (Mapping mapping : this.mappings.mappings()) {
			List<InputFile> files = InputDiscovery.find(inbox, mapping);
			if (files.isEmpty() && mapping.isRequired()) {
				throw new TerritoireException(ErrorCode.MISSING_INPUT, Location.file(inbox.toString()),
						"no file matches " + mapping.files() + " for source " + mapping.source());
			}
			for (InputFile file : files) {
				Sql.update(connection, "INSERT INTO meta.input_file VALUES (?, ?, ?, ?, ?, ?)", file.source(),
						file.name(), file.bytes(), file.sha256(), mapping.vintage(), Timestamp.from(Instant.now()));
				logger.info("Found {} for {} ({} bytes, sha256 {})", file.name(), mapping.source(), file.bytes(),
						file.sha256().substring(0, 16));
			}
			total += files.size();
		}
		chunkContext.getStepContext().getStepExecution().getExecutionContext().putInt("files", total);
		chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("inbox", inbox.toString());
		return RepeatStatus.FINISHED;
	}

}
