package fr.territoire.publish;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code manifest.json} of a release: what it is, where it comes from, what it holds,
 * with row counts and checksums of every file.
 *
 * @param id the release identifier
 * @param title the dataset title
 * @param description what the dataset is
 * @param createdAt when the release was written (ISO 8601, UTC)
 * @param runDate the date of the nightly run
 * @param jobExecutionId the job execution that wrote it
 * @param licence the licence
 * @param attribution the attribution line
 * @param geographyVintage the COG vintage every territory code refers to
 * @param inputs the input files, with their checksums
 * @param tables the published tables
 * @param absent the tables left out because their source was not given
 * @param sources the sources with their editions
 * @param temporal the periods the indicators cover
 */
public record ReleaseManifest(String id, String title, String description, @JsonProperty("created_at") String createdAt,
		@JsonProperty("run_date") String runDate, @JsonProperty("job_execution_id") long jobExecutionId, String licence,
		String attribution, @JsonProperty("geography_vintage") String geographyVintage, List<Input> inputs,
		List<Table> tables, List<Absent> absent, List<Source> sources, Temporal temporal) {

	public ReleaseManifest {
		Objects.requireNonNull(id, "id is null");
		inputs = List.copyOf(inputs);
		tables = List.copyOf(tables);
		absent = List.copyOf(absent);
		sources = List.copyOf(sources);
	}

	/**
	 * A table of the publication left out of this release.
	 *
	 * @param name the table name
	 * @param title its title
	 * @param description what a row would be
	 * @param source the mapping source it needs
	 * @param reason why it is absent, in French
	 */
	public record Absent(String name, String title, String description, String source, String reason) {
	}

	/**
	 * A source of the release.
	 *
	 * @param source the mapping source (or {@code naf})
	 * @param title the producer and source
	 * @param edition its edition or date
	 * @param files how many files were read
	 */
	public record Source(String source, String title, String edition, long files) {
	}

	/**
	 * The periods covered.
	 *
	 * @param start the first year
	 * @param end the last year
	 */
	public record Temporal(String start, String end) {
	}

	/**
	 * An input file.
	 *
	 * @param source the mapping source
	 * @param file the file name in the inbox
	 * @param bytes its size
	 * @param sha256 its checksum
	 */
	public record Input(String source, String file, long bytes, String sha256) {
	}

	/**
	 * A published table.
	 *
	 * @param name the table name
	 * @param description what a row is
	 * @param rows the row count, equal in every file
	 * @param files its files
	 * @param title its title
	 */
	public record Table(String name, String description, long rows, List<File> files, String title) {
	}

	/**
	 * A file of the release.
	 *
	 * @param path the path within the release
	 * @param format parquet, csv or xlsx
	 * @param bytes its size
	 * @param sha256 its checksum
	 */
	public record File(String path, String format, long bytes, String sha256) {

		/** Whether the file is gzipped ({@code .csv.gz}): its format is its content's. */
		@JsonIgnore
		public boolean gzipped() {
			return this.path.endsWith(".gz");
		}

	}

}
