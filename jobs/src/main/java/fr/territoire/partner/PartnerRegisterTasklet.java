package fr.territoire.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import fr.territoire.config.Definition;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code partners} step: writes the partners ({@code meta.partner}), what their
 * mappings feed ({@code meta.partner_feed}) and the files they delivered with their dates
 * ({@code meta.partner_delivery}) into the warehouse, for the public partner models and
 * the return files. Idempotent: each table is emptied and written again.
 */
public class PartnerRegisterTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PartnerRegisterTasklet.class);

	private final WarehouseSession warehouse;

	private final List<Definition<PartnerSpec>> partners;

	private final List<PartnerFeed> feeds;

	public PartnerRegisterTasklet(WarehouseSession warehouse, List<Definition<PartnerSpec>> partners,
			List<PartnerFeed> feeds) {
		this.warehouse = warehouse;
		this.partners = List.copyOf(partners);
		this.feeds = List.copyOf(feeds);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runDate = String
			.valueOf(chunkContext.getStepContext().getStepExecution().getJobParameters().getString("date"));
		DuckDBConnection connection = this.warehouse.connection();
		Sql.execute(connection, "empty the partner tables",
				"DELETE FROM meta.partner; DELETE FROM meta.partner_feed; DELETE FROM meta.partner_delivery");
		for (Definition<PartnerSpec> definition : this.partners) {
			PartnerSpec partner = definition.spec();
			Sql.update(connection, "INSERT INTO meta.partner VALUES (?, ?, ?, ?, ?, ?, ?, ?)", definition.name(),
					partner.name(), partner.kind().yamlName(), partner.kind().label(), partner.contact().name(),
					partner.contact().email(), partner.licence(), partner.confidentiality().yamlName());
		}
		Path inbox = this.warehouse.home().inbox();
		long files = 0;
		for (PartnerFeed feed : this.feeds) {
			if (feed.indicators().isEmpty()) {
				Sql.update(connection, "INSERT INTO meta.partner_feed VALUES (?, ?, NULL)", feed.partner(),
						feed.source());
			}
			for (String indicator : feed.indicators()) {
				Sql.update(connection, "INSERT INTO meta.partner_feed VALUES (?, ?, ?)", feed.partner(), feed.source(),
						indicator);
			}
			for (List<String> row : Sql.queryRows(connection,
					"SELECT file FROM meta.input_file WHERE source = ? ORDER BY file", feed.source())) {
				String file = row.get(0);
				String fileDate = fileDate(inbox.resolve(file)).map(LocalDate::toString).orElse(null);
				Sql.update(connection,
						"INSERT INTO meta.partner_delivery VALUES (?, ?, ?, CAST(? AS DATE), CAST(? AS DATE))",
						feed.partner(), feed.source(), file, fileDate, runDate);
				files++;
			}
		}
		contribution.incrementWriteCount(this.partners.size());
		logger.info("{} partners, {} sources sent by partners, {} files delivered", this.partners.size(),
				this.feeds.size(), files);
		return RepeatStatus.FINISHED;
	}

	/**
	 * The date a workbook states in its properties (last modified, else created), in UTC;
	 * empty for another format or a file that cannot be read.
	 */
	static Optional<LocalDate> fileDate(Path file) {
		String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		if (!name.endsWith(".xlsx") || !Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (OPCPackage workbook = OPCPackage.open(file.toString(), PackageAccess.READ)) {
			var properties = workbook.getPackageProperties();
			Optional<java.util.Date> date = properties.getModifiedProperty().or(properties::getCreatedProperty);
			return date.map((value) -> value.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
		}
		catch (Exception ex) {
			logger.debug("no date read from {}: {}", file, ex.toString());
			return Optional.empty();
		}
	}

}
