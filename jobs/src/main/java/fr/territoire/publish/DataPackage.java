package fr.territoire.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code datapackage.json}: the release described as a Frictionless Tabular Data Package,
 * each file a resource with its Table Schema (types, French titles and descriptions,
 * constraints, primary and foreign keys, missing values), row count, size and SHA-256;
 * the package with its licence, sources and their editions, the secrecy rules applied,
 * update frequency, temporal and spatial coverage, and the tables left out.
 */
final class DataPackage {

	private DataPackage() {
	}

	static Map<String, Object> describe(PublicationSpec spec, ReleaseManifest manifest,
			Map<String, TableSchemas.Schema> schemas, PublishedSecrecy secrecy) {
		return describe(spec, manifest, schemas, secrecy, PartnerCredits.NONE);
	}

	/**
	 * The package, crediting the partners whose data it uses: as contributors, and in the
	 * {@code sources} of each resource whose rows hold an indicator their data feeds.
	 */
	static Map<String, Object> describe(PublicationSpec spec, ReleaseManifest manifest,
			Map<String, TableSchemas.Schema> schemas, PublishedSecrecy secrecy, PartnerCredits credits) {
		Map<String, Object> dataPackage = new LinkedHashMap<>();
		dataPackage.put("profile", "tabular-data-package");
		dataPackage.put("name", "territoire-" + manifest.id());
		dataPackage.put("title", spec.title());
		dataPackage.put("description", spec.description().strip());
		dataPackage.put("version", manifest.id());
		dataPackage.put("created", manifest.createdAt());
		dataPackage.put("keywords", List.of("territoires", "communes", "EPCI", "départements", "régions", "SIRENE",
				"établissements", "indicateurs", "COG"));
		dataPackage.put("licenses", List
			.of(OrderedJson.object("name", spec.licenceName(), "path", spec.licenceUrl(), "title", spec.licence())));
		List<Map<String, Object>> sources = new ArrayList<>();
		for (ReleaseManifest.Source source : manifest.sources()) {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("title", source.title() + " — " + source.edition());
			described.put("name", source.source());
			described.put("edition", source.edition());
			sources.add(described);
		}
		dataPackage.put("sources", sources);
		List<Map<String, Object>> contributors = new ArrayList<>();
		contributors.add(OrderedJson.object("title", spec.publisher(), "role", "publisher"));
		contributors.addAll(credits.contributors());
		dataPackage.put("contributors", contributors);
		dataPackage.put("attribution", spec.attribution());
		dataPackage.put("update_frequency", spec.frequency().toLowerCase(java.util.Locale.ROOT));
		dataPackage.put("temporal_coverage",
				OrderedJson.object("start", manifest.temporal().start(), "end", manifest.temporal().end()));
		dataPackage.put("spatial_coverage", OrderedJson.object("name", spec.spatial(), "uri", spec.spatialUri()));
		dataPackage.put("geography_vintage", manifest.geographyVintage());
		dataPackage.put("secrecy", secrecy.describe());
		dataPackage.put("absent_resources", manifest.absent());
		Set<String> published = manifest.tables().stream().map(ReleaseManifest.Table::name).collect(Collectors.toSet());
		List<Map<String, Object>> resources = new ArrayList<>();
		for (ReleaseManifest.Table table : manifest.tables()) {
			TableSchemas.Schema schema = schemas.get(table.name());
			for (ReleaseManifest.File file : table.files()) {
				Map<String, Object> resource = resource(table, file,
						published(schema, published).forFormat(file.format(), table.name()));
				List<Map<String, Object>> partners = credits.byTable().get(table.name());
				if (partners != null) {
					resource.put("sources", partners);
				}
				resources.add(resource);
			}
		}
		dataPackage.put("resources", resources);
		return dataPackage;
	}

	private static Map<String, Object> resource(ReleaseManifest.Table table, ReleaseManifest.File file,
			TableSchemas.Schema schema) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("name", table.name() + "-" + file.format());
		resource.put("title", table.title() + " (" + file.format().toUpperCase(java.util.Locale.ROOT) + ")");
		resource.put("profile", "tabular-data-resource");
		resource.put("path", file.path());
		resource.put("format", file.format());
		resource.put("mediatype", mediaType(file.format()));
		if (file.gzipped()) {
			resource.put("compression", "gz");
		}
		if (file.format().equals("csv")) {
			resource.put("encoding", "utf-8");
			resource.put("dialect", OrderedJson.object("delimiter", ",", "quoteChar", "\"", "doubleQuote", true,
					"header", true, "lineTerminator", "\n"));
		}
		resource.put("description", table.description().strip());
		if (file.format().equals("parquet")) {
			// Python frictionless reads Parquet with its own reader, which counts no
			// bytes: a
			// declared "bytes" fails its byte-count check on every Parquet resource (its
			// hash
			// check is skipped when nothing was hashed). The size is given under another
			// name.
			resource.put("bytes_on_disk", file.bytes());
		}
		else {
			resource.put("bytes", file.bytes());
		}
		resource.put("hash", "sha256:" + file.sha256());
		resource.put("rows", table.rows());
		resource.put("schema", schema);
		return resource;
	}

	/** The schema without foreign keys to tables left out of the release. */
	private static TableSchemas.Schema published(TableSchemas.Schema schema, Set<String> tables) {
		return new TableSchemas.Schema(schema.fields(), schema.primaryKey(),
				schema.foreignKeys().stream().filter((key) -> tables.contains(key.reference().resource())).toList(),
				schema.missingValues());
	}

	/** The IANA media type of a file format of the release. */
	static String mediaType(String format) {
		return switch (format) {
			case "csv" -> "text/csv";
			case "parquet" -> "application/vnd.apache.parquet";
			case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			default -> "application/octet-stream";
		};
	}

}
