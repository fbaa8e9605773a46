package fr.territoire.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import fr.territoire.config.ProjectFolders;
import fr.territoire.config.Problem;
import fr.territoire.config.DefinitionFolder;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a release contains ({@code warehouse/publish.yaml}): its title, licence,
 * attribution and the warehouse tables published as files.
 *
 * @param title the dataset title
 * @param description what the dataset is
 * @param licence the licence of the published data
 * @param attribution the attribution line reusers must keep
 * @param licenceName the licence's identifier (e.g. {@code etalab-2.0}); the Data
 * Package's {@code licenses[].name}
 * @param licenceUrl the licence's text; its {@code path}, and DCAT's {@code dct:license}
 * @param publisher who publishes the releases (DCAT {@code dct:publisher})
 * @param publisherUrl the publisher's page
 * @param frequency how often a release is published: an EU frequency authority code
 * ({@code DAILY}, {@code WEEKLY}, {@code MONTHLY}…)
 * @param spatial the area the releases cover, in words
 * @param spatialUri the area as a URI (DCAT {@code dct:spatial}), e.g. the EU country
 * authority's France
 * @param tables the published tables
 * @param csvGzipAboveRows the CSV file of a table of more rows than this is published
 * gzipped ({@code <name>.csv.gz}); default {@value #CSV_GZIP_ABOVE_ROWS}, the rows up to
 * which a table is also published as XLSX: a table too large for a spreadsheet is read
 * with tools that read gzip
 */
public record PublicationSpec(String title, String description, String licence, String attribution,
		@JsonProperty("licence_name") @Nullable String licenceName,
		@JsonProperty("licence_url") @Nullable String licenceUrl, @Nullable String publisher,
		@JsonProperty("publisher_url") @Nullable String publisherUrl, @Nullable String frequency,
		@Nullable String spatial, @JsonProperty("spatial_uri") @Nullable String spatialUri, List<PublishedTable> tables,
		@JsonProperty("csv_gzip_above_rows") @Nullable Long csvGzipAboveRows) {

	/** The default of {@code csv_gzip_above_rows}. */
	public static final long CSV_GZIP_ABOVE_ROWS = 1_000_000;

	private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

	/** column = 'value', and-ed: nothing that could read outside the public table. */
	private static final Pattern CONDITION = Pattern
		.compile("[a-z][a-z0-9_]* = '[^']*'( (?i:and) [a-z][a-z0-9_]* = '[^']*')*");

	private static final Pattern FREQUENCY = Pattern.compile("[A-Z][A-Z_0-9]*");

	private static final Pattern QUALIFIED = Pattern.compile("public\\.[a-z][a-z0-9_]*");

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public PublicationSpec {
		Objects.requireNonNull(title, "title is required");
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(licence, "licence is required");
		Objects.requireNonNull(attribution, "attribution is required");
		if (tables == null || tables.isEmpty()) {
			throw new IllegalArgumentException("tables must list at least one published table");
		}
		tables = List.copyOf(tables);
		licenceName = (licenceName != null) ? licenceName : "etalab-2.0";
		licenceUrl = (licenceUrl != null) ? licenceUrl : "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
		publisher = (publisher != null) ? publisher : "Territoire";
		frequency = (frequency != null) ? frequency : "DAILY";
		if (!FREQUENCY.matcher(frequency).matches()) {
			throw new IllegalArgumentException("frequency '" + frequency
					+ "' must be a code of the EU frequency authority, e.g. DAILY, WEEKLY, MONTHLY");
		}
		spatial = (spatial != null) ? spatial : "France";
		spatialUri = (spatialUri != null) ? spatialUri : "http://publications.europa.eu/resource/authority/country/FRA";
		csvGzipAboveRows = (csvGzipAboveRows != null) ? csvGzipAboveRows : CSV_GZIP_ABOVE_ROWS;
		if (csvGzipAboveRows < 0) {
			throw new IllegalArgumentException(
					"csv_gzip_above_rows is " + csvGzipAboveRows + "; it must be 0 (every CSV gzipped) or more");
		}
	}

	public PublicationSpec(String title, String description, String licence, String attribution,
			@Nullable String licenceName, @Nullable String licenceUrl, @Nullable String publisher,
			@Nullable String publisherUrl, @Nullable String frequency, @Nullable String spatial,
			@Nullable String spatialUri, List<PublishedTable> tables) {
		this(title, description, licence, attribution, licenceName, licenceUrl, publisher, publisherUrl, frequency,
				spatial, spatialUri, tables, null);
	}

	public PublicationSpec(String title, String description, String licence, String attribution,
			List<PublishedTable> tables) {
		this(title, description, licence, attribution, null, null, null, null, null, null, null, tables, null);
	}

	/**
	 * A published table. Its columns are described in the YAML of its public model
	 * ({@code warehouse/models/public/<model>.yaml}), the one place they are documented.
	 *
	 * @param name the file name (without extension) in the release
	 * @param from the warehouse table, in the public schema (the layer where diffusion
	 * rules apply)
	 * @param description what a row is; the public model's description when absent
	 * @param orderBy the columns that give the files a stable row order
	 * @param where a condition on the public table's columns selecting the rows of this
	 * file (e.g. {@code level = 'commune'}, to publish one file per level); all rows when
	 * absent
	 * @param title a short French title of the table
	 * @param needsSource the mapping source the table is made from: when no file of it
	 * was given, the table is left out of the release (and listed as absent), never
	 * published empty
	 * @param rebuild whether the publish step rebuilds its public model first, for a
	 * model that reads what the steps after the public layer write (the audits of the
	 * public layer)
	 * @param foreignKeys the columns that refer to another published table
	 */
	public record PublishedTable(String name, String from, @Nullable String description,
			@JsonProperty("order_by") String orderBy, @Nullable String where, @Nullable String title,
			@JsonProperty("needs_source") @Nullable String needsSource, @Nullable Boolean rebuild,
			@JsonProperty("foreign_keys") @Nullable List<ForeignKey> foreignKeys) {

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		public PublishedTable {
			Objects.requireNonNull(name, "name is required");
			Objects.requireNonNull(from, "from is required");
			Objects.requireNonNull(orderBy, "order_by is required");
			if (!TABLE_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("name '" + name + "' must be lower-case snake case");
			}
			if (where != null && !CONDITION.matcher(where).matches()) {
				throw new IllegalArgumentException("where '" + where
						+ "' must be column = 'value' conditions joined by AND: a file selects rows of its public "
						+ "table, nothing else");
			}
			if (!QUALIFIED.matcher(from).matches()) {
				throw new IllegalArgumentException("from '" + from
						+ "' must be a public.* table: everything published reads from the public layer "
						+ "(warehouse/models/public), where the register's diffusion rules apply");
			}
			rebuild = Boolean.TRUE.equals(rebuild);
			foreignKeys = (foreignKeys != null) ? List.copyOf(foreignKeys) : List.of();
		}

		public PublishedTable(String name, String from, @Nullable String description, String orderBy,
				@Nullable String where) {
			this(name, from, description, orderBy, where, null, null, null, null);
		}

		public PublishedTable(String name, String from, @Nullable String description, String orderBy) {
			this(name, from, description, orderBy, null);
		}

		/**
		 * The rows of the file, unordered: the public table, filtered by the condition.
		 */
		public String rows() {
			return "SELECT * FROM " + this.from + ((this.where != null) ? " WHERE " + this.where : "");
		}

		/**
		 * The public model's name, e.g. {@code establishment} for
		 * {@code public.establishment}.
		 */
		public String model() {
			return this.from.substring("public.".length());
		}

		/** The YAML where its columns are described, relative to the project. */
		public String modelYaml() {
			return "warehouse/models/public/" + model() + ".yaml";
		}

	}

	/**
	 * Columns of a published table that refer to rows of another (or the same) published
	 * table: the Table Schema's {@code foreignKeys}.
	 *
	 * @param fields the referring columns
	 * @param table the published table referred to
	 * @param references its columns, in the order of {@code fields}
	 */
	public record ForeignKey(List<String> fields, String table, List<String> references) {

		public ForeignKey {
			if (fields == null || fields.isEmpty() || references == null || references.size() != fields.size()) {
				throw new IllegalArgumentException("a foreign key lists its fields and as many references");
			}
			Objects.requireNonNull(table, "table is required");
			fields = List.copyOf(fields);
			references = List.copyOf(references);
		}

	}

	/**
	 * Loads {@code warehouse/publish.yaml} (or {@code .yml}); problems go to the list.
	 * @return the specification, or null when it is missing or invalid
	 */
	public static @Nullable PublicationSpec load(Path project, List<Problem> problems) {
		Path folder = ProjectFolders.of(project).warehouse();
		if (!Files.isRegularFile(folder.resolve("publish.yaml"))
				&& !Files.isRegularFile(folder.resolve("publish.yml"))) {
			problems.add(Problem.of("warehouse/publish.yaml", "missing",
					"declare the published tables in warehouse/publish.yaml"));
			return null;
		}
		return DefinitionFolder.readFile(project, folder, "publish", PublicationSpec.class, problems::add);
	}

}
