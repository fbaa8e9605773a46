package fr.territoire.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A release folder as its own files describe it: {@code manifest.json} (tables, row
 * counts, files) and {@code datapackage.json} (titles, licences, sources, Table Schemas,
 * datasets left out). Optional fields may be missing: what is not there is not shown.
 *
 * @param folder the release folder
 * @param id the release id
 * @param runDate the date of the nightly run
 * @param createdAt when it was written
 * @param title the package title
 * @param description the package description
 * @param licences the licences
 * @param sources the sources
 * @param geographyVintage the COG vintage of every territory code
 * @param coverage what the package says of its coverage, as label and text
 * @param datasets the datasets, in publication order
 * @param absent the datasets the run left out, with why
 */
public record PublishedRelease(Path folder, String id, String runDate, String createdAt, String title,
		String description, List<Link> licences, List<Link> sources, String geographyVintage,
		Map<String, String> coverage, List<Dataset> datasets, List<Absent> absent) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Reads a release folder; it must hold a manifest or a data package. */
	public static PublishedRelease read(Path folder) {
		JsonNode manifest = json(folder.resolve("manifest.json"));
		JsonNode dataPackage = json(folder.resolve("datapackage.json"));
		if (manifest.isMissingNode() && dataPackage.isMissingNode()) {
			throw new TerritoireException(ErrorCode.RELEASE_VERIFICATION, Location.file(folder.toString()),
					"neither manifest.json nor datapackage.json: not a release", null);
		}
		List<Dataset> datasets = datasets(manifest, dataPackage);
		String id = text(manifest, "id").or(() -> text(dataPackage, "version")).orElse(folder.getFileName().toString());
		return new PublishedRelease(folder, id, text(manifest, "run_date").orElse(""),
				text(manifest, "created_at").or(() -> text(dataPackage, "created")).orElse(""),
				text(dataPackage, "title").or(() -> text(manifest, "title")).orElse(id),
				text(dataPackage, "description").or(() -> text(manifest, "description")).orElse(""),
				links(dataPackage.path("licenses"), text(manifest, "licence").orElse(null)),
				links(dataPackage.path("sources"), text(manifest, "attribution").orElse(null)),
				text(manifest, "geography_vintage").orElse(""), coverage(dataPackage), datasets,
				absent(manifest, dataPackage));
	}

	/** A dataset by name. */
	public Optional<Dataset> dataset(String name) {
		return this.datasets.stream().filter((dataset) -> dataset.name().equals(name)).findFirst();
	}

	private static List<Dataset> datasets(JsonNode manifest, JsonNode dataPackage) {
		List<Dataset> datasets = new ArrayList<>();
		JsonNode resources = dataPackage.path("resources");
		for (JsonNode table : manifest.path("tables")) {
			String name = table.path("name").asString();
			List<DatasetFile> files = new ArrayList<>();
			List<JsonNode> described = new ArrayList<>();
			for (JsonNode file : table.path("files")) {
				String path = file.path("path").asString();
				JsonNode resource = resourceOf(resources, path);
				described.add(resource);
				files.add(new DatasetFile(path, file.path("format").asString(format(path)),
						resource.path("bytes").asLong(file.path("bytes").asLong()),
						hash(resource).orElse(file.path("sha256").asString(""))));
			}
			datasets.add(dataset(name, text(table, "description").orElse(""), table.path("rows").asLong(), files,
					described));
		}
		if (datasets.isEmpty()) {
			Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
			for (JsonNode resource : resources) {
				String name = resource.path("name").asString().replaceFirst("-(csv|parquet|xlsx|json)$", "");
				byName.computeIfAbsent(name, (key) -> new ArrayList<>()).add(resource);
			}
			byName.forEach((name,
					described) -> datasets.add(dataset(name, "", described.get(0).path("rows").asLong(0),
							described.stream()
								.flatMap((resource) -> paths(resource).stream()
									.map((path) -> new DatasetFile(path, resource.path("format").asString(format(path)),
											resource.path("bytes").asLong(0), hash(resource).orElse(""))))
								.toList(),
							described)));
		}
		return datasets;
	}

	private static Dataset dataset(String name, String manifestDescription, long rows, List<DatasetFile> files,
			List<JsonNode> resources) {
		JsonNode main = resources.stream()
			.filter((resource) -> resource.path("schema").path("fields").isArray())
			.min((a, b) -> Boolean.compare(!"parquet".equals(a.path("format").asString("")),
					!"parquet".equals(b.path("format").asString(""))))
			.orElse(JSON.missingNode());
		List<Field> fields = new ArrayList<>();
		for (JsonNode field : main.path("schema").path("fields")) {
			fields.add(new Field(field.path("name").asString(), field.path("type").asString(""),
					text(field, "description").or(() -> text(field, "title")).orElse("")));
		}
		JsonNode key = main.path("schema").path("primaryKey");
		List<String> primaryKey = new ArrayList<>();
		if (key.isString()) {
			primaryKey.add(key.asString());
		}
		key.forEach((column) -> primaryKey.add(column.asString()));
		String title = text(main, "title").orElse("");
		String description = text(main, "description").orElse(manifestDescription);
		return new Dataset(name, title, description, rows, files, fields, primaryKey);
	}

	private static JsonNode resourceOf(JsonNode resources, String path) {
		for (JsonNode resource : resources) {
			if (paths(resource).contains(path)) {
				return resource;
			}
		}
		return JSON.missingNode();
	}

	private static List<String> paths(JsonNode resource) {
		JsonNode path = resource.path("path");
		List<String> paths = new ArrayList<>();
		if (path.isString()) {
			paths.add(path.asString());
		}
		else {
			path.forEach((part) -> paths.add(part.asString()));
		}
		return paths;
	}

	private static Optional<String> hash(JsonNode resource) {
		return text(resource, "hash").map((hash) -> hash.startsWith("sha256:") ? hash.substring(7) : hash);
	}

	private static String format(String path) {
		// a gzipped file has its content's format (territories.csv.gz: csv)
		String name = path.endsWith(".gz") ? path.substring(0, path.length() - 3) : path;
		int dot = name.lastIndexOf('.');
		return (dot >= 0) ? name.substring(dot + 1) : "";
	}

	private static List<Link> links(JsonNode links, @Nullable String fallback) {
		List<Link> found = new ArrayList<>();
		for (JsonNode link : links) {
			String title = text(link, "title").or(() -> text(link, "name")).orElse("");
			found.add(new Link(title, text(link, "path").orElse("")));
		}
		if (found.isEmpty() && fallback != null) {
			found.add(new Link(fallback, ""));
		}
		return found;
	}

	private static Map<String, String> coverage(JsonNode dataPackage) {
		Map<String, String> coverage = new LinkedHashMap<>();
		for (String key : List.of("temporal", "temporalCoverage", "spatial", "spatialCoverage", "coverage", "frequency",
				"updateFrequency", "accrualPeriodicity")) {
			JsonNode value = dataPackage.path(key);
			if (!value.isMissingNode() && !value.isNull()) {
				coverage.put(key, value.isValueNode() ? value.asString() : value.toString());
			}
		}
		return coverage;
	}

	private static List<Absent> absent(JsonNode manifest, JsonNode dataPackage) {
		Map<String, Absent> absent = new LinkedHashMap<>();
		for (JsonNode document : List.of(manifest, dataPackage)) {
			for (String key : document.propertyNames()) {
				if (!key.toLowerCase(java.util.Locale.ROOT).contains("absent")) {
					continue;
				}
				for (JsonNode entry : document.path(key)) {
					String name = entry.isString() ? entry.asString()
							: text(entry, "name").or(() -> text(entry, "table")).orElse("");
					String reason = entry.isString() ? ""
							: text(entry, "reason").or(() -> text(entry, "why"))
								.or(() -> text(entry, "description"))
								.orElse("");
					if (!name.isEmpty()) {
						absent.putIfAbsent(name, new Absent(name, reason));
					}
				}
			}
		}
		return List.copyOf(absent.values());
	}

	private static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isValueNode() && !value.isNull()) ? Optional.of(value.asString().strip()) : Optional.empty();
	}

	private static JsonNode json(Path file) {
		if (!Files.isRegularFile(file)) {
			return JSON.missingNode();
		}
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException | RuntimeException ex) {
			throw new TerritoireException(ErrorCode.RELEASE_VERIFICATION, Location.file(file.toString()),
					"cannot read " + file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A licence or a source.
	 *
	 * @param title its name
	 * @param path its address, empty if none
	 */
	public record Link(String title, String path) {
	}

	/**
	 * A published dataset.
	 *
	 * @param name its name (file names start with it)
	 * @param title its title, empty if the package gives none
	 * @param description what a row is
	 * @param rows its row count
	 * @param files its files
	 * @param fields its columns (Table Schema)
	 * @param primaryKey its primary key, empty if the package declares none
	 */
	public record Dataset(String name, String title, String description, long rows, List<DatasetFile> files,
			List<Field> fields, List<String> primaryKey) {

		/** The Parquet files of the dataset, relative to the release folder. */
		public List<String> parquet() {
			return this.files.stream()
				.filter((file) -> file.format().equals("parquet"))
				.map(DatasetFile::path)
				.toList();
		}

		/** Its size: the sum of its files. */
		public long bytes() {
			return this.files.stream().mapToLong(DatasetFile::bytes).sum();
		}

	}

	/**
	 * A file of a dataset.
	 *
	 * @param path the path within the release
	 * @param format parquet, csv, xlsx…
	 * @param bytes its size
	 * @param sha256 its checksum
	 */
	public record DatasetFile(String path, String format, long bytes, String sha256) {
	}

	/**
	 * A column of a dataset.
	 *
	 * @param name its name
	 * @param type its Table Schema type
	 * @param description what it holds
	 */
	public record Field(String name, String type, String description) {
	}

	/**
	 * A dataset the run left out.
	 *
	 * @param name its name
	 * @param reason why, empty if the release does not say
	 */
	public record Absent(String name, String reason) {
	}

}
