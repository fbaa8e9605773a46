package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.config.FileHash;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelRunner;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.RunReuse;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes a release aside ({@code releases/.partial-<id>}), verifies it (row counts of
 * every file read back, checksums) and moves it to {@code releases/<id>}: nobody ever
 * sees a half-written release. {@code latest} is switched by the promote step, together
 * with the warehouse ({@link PromotionTasklet}).
 */
public class PublishTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PublishTasklet.class);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final WarehouseSession warehouse;

	private final PublicationSpec spec;

	private final ModelCatalog models;

	private final PublishedSecrecy secrecy;

	public PublishTasklet(WarehouseSession warehouse, PublicationSpec spec, ModelCatalog models,
			PublishedSecrecy secrecy) {
		this.warehouse = warehouse;
		this.spec = spec;
		this.models = models;
		this.secrecy = secrecy;
	}

	public PublishTasklet(WarehouseSession warehouse, PublicationSpec spec, ModelCatalog models) {
		this(warehouse, spec, models, PublishedSecrecy.DEFAULTS);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		String runDate = String.valueOf(step.getJobExecution().getJobParameters().getString("date"));
		String id = Releases.id(runDate, step.getJobExecution().getJobInstance().getInstanceId());
		Path releases = this.warehouse.home().releases();
		Optional<String> reused = RunReuse.reusedRelease(this.warehouse.connection());
		if (reused.isPresent()) {
			ReusedRelease.Outcome outcome = ReusedRelease.write(releases, reused.get(), id, runDate,
					step.getJobExecution().getId());
			logger.info(
					"Release {} published from release {}, unchanged: {} files hard-linked, {} rewritten as they "
							+ "name the release ({}): {}",
					id, reused.get(), outcome.linked(), outcome.rewritten().size(),
					String.join(", ", outcome.rewritten().stream().limit(5).toList())
							+ (outcome.rewritten().size() > 5 ? ", ..." : ""),
					outcome.release());
			step.getExecutionContext().putString("release.id", id);
			step.getExecutionContext().putString("release.path", outcome.release().toString());
			step.getExecutionContext().putString("reused.release", reused.get());
			return RepeatStatus.FINISHED;
		}
		Path partial = Releases.partial(releases, id);
		Path release = releases.resolve(id);
		deleteRecursively(partial);
		deleteRecursively(release);
		Files.createDirectories(partial);
		DuckDBConnection connection = this.warehouse.connection();
		List<ReleaseManifest.Input> inputs = inputs(connection);
		Set<String> given = inputs.stream().map(ReleaseManifest.Input::source).collect(Collectors.toSet());
		List<ReleaseManifest.Table> tables = new ArrayList<>();
		List<ReleaseManifest.Absent> absent = new ArrayList<>();
		List<PublicationSpec.PublishedTable> published = new ArrayList<>();
		for (PublicationSpec.PublishedTable table : this.spec.tables()) {
			if (table.needsSource() != null && !given.contains(table.needsSource())) {
				absent.add(new ReleaseManifest.Absent(table.name(), title(table),
						PublishedColumns.description(table, this.models).strip(), table.needsSource(),
						"aucun fichier de la source " + table.needsSource() + " n'a été fourni"));
				logger.info("{} left out of the release: no file of {} was given", table.name(), table.needsSource());
				continue;
			}
			if (Boolean.TRUE.equals(table.rebuild())) {
				PublishedColumns.model(table, this.models).ifPresent((model) -> ModelRunner.build(connection, model));
			}
			tables.add(write(connection, partial, table, runDate));
			published.add(table);
		}
		ReleaseManifest manifest = new ReleaseManifest(id, this.spec.title(), this.spec.description().strip(),
				Instant.now().toString(), runDate, step.getJobExecutionId(), this.spec.licence(),
				this.spec.attribution(), geographyVintage(connection), inputs, tables, absent, sources(connection),
				temporal(connection));
		JSON.writeValue(partial.resolve("manifest.json").toFile(), manifest);
		Map<String, TableSchemas.Schema> schemas = new LinkedHashMap<>();
		for (PublicationSpec.PublishedTable table : published) {
			schemas.put(table.name(), TableSchemas.read(connection, table, this.models));
		}
		PartnerCredits credits = PartnerCredits.read(connection, published);
		JSON.writeValue(partial.resolve("datapackage.json").toFile(),
				DataPackage.describe(this.spec, manifest, schemas, this.secrecy, credits));
		JSON.writeValue(partial.resolve("catalog.jsonld").toFile(),
				CatalogJsonLd.describe(this.spec, manifest, credits));
		writeChecksums(partial, tables);
		Files.move(partial, release, StandardCopyOption.ATOMIC_MOVE);
		step.getExecutionContext().putString("release.id", id);
		step.getExecutionContext().putString("release.path", release.toString());
		step.setWriteCount(tables.stream().mapToLong(ReleaseManifest.Table::rows).sum());
		logger.info("Release {} published: {}", id, release);
		return RepeatStatus.FINISHED;
	}

	private ReleaseManifest.Table write(DuckDBConnection connection, Path folder, PublicationSpec.PublishedTable table,
			String runDate) throws IOException {
		String query = table.rows() + " ORDER BY " + table.orderBy();
		Path parquet = folder.resolve(table.name() + ".parquet");
		Path csv = folder.resolve(table.name() + ".csv");
		// The rows are sorted once, into the Parquet file; the CSV and the XLSX are
		// written
		// from it, in its order. Each file is verified from what was written: the rows
		// DuckDB reports written by each COPY and the row count of the Parquet footer
		// must
		// agree, without reading the rows back.
		long rows = Sql.write(connection, "write " + parquet.getFileName(),
				"COPY (" + query + ") TO " + Sql.literal(parquet.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
		long parquetRows = Sql.queryLong(connection, "SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata("
				+ Sql.literal(parquet.toString()) + ")");
		long csvRows = Sql.write(connection, "write " + csv.getFileName(),
				"COPY (SELECT * FROM read_parquet(" + Sql.literal(parquet.toString()) + ")) TO "
						+ Sql.literal(csv.toString()) + " (FORMAT csv, HEADER true, DELIMITER ','"
						+ forceQuote(connection, table.from()) + ")");
		if (rows < 0 || parquetRows != rows || csvRows != rows) {
			throw new TerritoireException(ErrorCode.RELEASE_VERIFICATION,
					"table " + table.from() + " wrote " + rows + " rows but " + parquet.getFileName() + " has "
							+ parquetRows + " and " + csv.getFileName() + " has " + csvRows
							+ "; the release is not published");
		}
		List<ReleaseManifest.File> files = new ArrayList<>(List.of(file(folder, parquet, "parquet"),
				(rows > this.spec.csvGzipAboveRows()) ? gzipped(folder, csv) : file(folder, csv, "csv")));
		if (rows <= XlsxWriter.MAX_ROWS) {
			Path xlsx = folder.resolve(table.name() + ".xlsx");
			long xlsxRows = XlsxWriter.write(connection,
					"SELECT * FROM read_parquet(" + Sql.literal(parquet.toString()) + ")", table.name(), xlsx,
					java.time.LocalDate.parse(runDate).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
			if (xlsxRows != rows) {
				throw new TerritoireException(ErrorCode.RELEASE_VERIFICATION, "table " + table.from() + " has " + rows
						+ " rows but " + xlsx.getFileName() + " has " + xlsxRows + "; the release is not published");
			}
			files.add(file(folder, xlsx, "xlsx"));
		}
		return new ReleaseManifest.Table(table.name(), PublishedColumns.description(table, this.models).strip(), rows,
				files, title(table));
	}

	private static String title(PublicationSpec.PublishedTable table) {
		return (table.title() != null) ? table.title() : table.name();
	}

	/** The sources and their editions, from the public layer's {@code release_source}. */
	private static List<ReleaseManifest.Source> sources(DuckDBConnection connection) {
		return Sql
			.queryRows(connection,
					"SELECT source, title, edition, files FROM public.release_source ORDER BY files = 0, source")
			.stream()
			.map((row) -> new ReleaseManifest.Source(row.get(0), row.get(1), row.get(2), Long.parseLong(row.get(3))))
			.toList();
	}

	/** The first and last periods of the published indicator values. */
	private static ReleaseManifest.Temporal temporal(DuckDBConnection connection) {
		List<String> row = Sql
			.queryRows(connection,
					"SELECT coalesce(cast(min(period) AS VARCHAR), ''), coalesce(cast(max(period) AS VARCHAR), '') "
							+ "FROM public.indicator_value")
			.get(0);
		return new ReleaseManifest.Temporal(row.get(0), row.get(1));
	}

	/**
	 * Text columns are always quoted: codes stay text for every reader, and CSV sniffers
	 * (which look at the first rows only) see the quote character even when the first
	 * comma inside a name comes late in the file.
	 */
	private static String forceQuote(DuckDBConnection connection, String table) {
		String[] parts = table.split("\\.");
		List<String> columns = Sql
			.queryRows(connection,
					"SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
							+ "AND data_type = 'VARCHAR' ORDER BY column_index",
					parts[0], parts[1])
			.stream()
			.map((row) -> Sql.identifier(row.get(0)))
			.toList();
		return columns.isEmpty() ? "" : ", FORCE_QUOTE (" + String.join(", ", columns) + ")";
	}

	/**
	 * Replaces a large CSV file by its gzip ({@code <name>.csv.gz}, hashed while
	 * written), as INSEE ships the register zipped: a quarter of the bytes, readable by
	 * every CSV tool.
	 */
	private static ReleaseManifest.File gzipped(Path folder, Path csv) throws IOException {
		Path gzip = csv.resolveSibling(csv.getFileName() + ".gz");
		long started = System.nanoTime();
		ParallelGzip.Written written = ParallelGzip.compress(csv, gzip, Runtime.getRuntime().availableProcessors());
		long plain = Files.size(csv);
		Files.delete(csv);
		logger.info("{} gzipped: {} bytes to {} in {} ms", csv.getFileName(), plain, written.bytes(),
				(System.nanoTime() - started) / 1_000_000);
		return new ReleaseManifest.File(folder.relativize(gzip).toString(), "csv", written.bytes(), written.sha256());
	}

	private static ReleaseManifest.File file(Path folder, Path file, String format) throws IOException {
		return new ReleaseManifest.File(folder.relativize(file).toString(), format, Files.size(file),
				FileHash.sha256(file));
	}

	private static void writeChecksums(Path folder, List<ReleaseManifest.Table> tables) throws IOException {
		StringBuilder sums = new StringBuilder();
		for (ReleaseManifest.Table table : tables) {
			for (ReleaseManifest.File file : table.files()) {
				sums.append(file.sha256()).append("  ").append(file.path()).append('\n');
			}
		}
		sums.append(FileHash.sha256(folder.resolve("manifest.json"))).append("  manifest.json\n");
		sums.append(FileHash.sha256(folder.resolve("datapackage.json"))).append("  datapackage.json\n");
		sums.append(FileHash.sha256(folder.resolve("catalog.jsonld"))).append("  catalog.jsonld\n");
		Files.writeString(folder.resolve("SHA256SUMS"), sums);
	}

	private static List<ReleaseManifest.Input> inputs(DuckDBConnection connection) {
		return Sql
			.queryRows(connection, "SELECT source, file, bytes, sha256 FROM meta.input_file ORDER BY source, file")
			.stream()
			.map((row) -> new ReleaseManifest.Input(row.get(0), row.get(1), Long.parseLong(row.get(2)), row.get(3)))
			.toList();
	}

	private static String geographyVintage(DuckDBConnection connection) {
		List<List<String>> rows = Sql.queryRows(connection,
				"SELECT coalesce(max(vintage), 'unknown') FROM geography.vintage WHERE is_target");
		return rows.get(0).get(0);
	}

	static void deleteRecursively(Path folder) throws IOException {
		Releases.deleteRecursively(folder);
	}

}
