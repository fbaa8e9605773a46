package fr.territoire.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code datapackage.json}: the release described as a Frictionless Data Package, each
 * file a resource with its Table Schema, licence and source, readable by Validata,
 * CSVLint-like tools and data catalogues.
 */
final class DataPackage {

	private DataPackage() {
	}

	static Map<String, Object> describe(PublicationSpec spec, ReleaseManifest manifest,
			Map<String, List<TableSchemas.Field>> schemas) {
		Map<String, Object> dataPackage = new LinkedHashMap<>();
		dataPackage.put("name", "territoire-" + manifest.id());
		dataPackage.put("title", spec.title());
		dataPackage.put("description", spec.description());
		dataPackage.put("version", manifest.id());
		dataPackage.put("created", manifest.createdAt());
		dataPackage.put("licenses", List
			.of(Map.of("title", spec.licence(), "path", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")));
		dataPackage.put("sources", List.of(Map.of("title", spec.attribution())));
		List<Map<String, Object>> resources = new ArrayList<>();
		for (ReleaseManifest.Table table : manifest.tables()) {
			for (ReleaseManifest.File file : table.files()) {
				Map<String, Object> resource = new LinkedHashMap<>();
				resource.put("name", table.name() + "-" + file.format());
				resource.put("path", file.path());
				resource.put("format", file.format());
				resource.put("mediatype", file.format().equals("csv") ? "text/csv" : "application/vnd.apache.parquet");
				if (file.format().equals("csv")) {
					resource.put("encoding", "utf-8");
					resource.put("dialect", Map.of("delimiter", ",", "quoteChar", "\"", "header", true));
				}
				resource.put("description", table.description());
				resource.put("bytes", file.bytes());
				resource.put("hash", "sha256:" + file.sha256());
				resource.put("rows", table.rows());
				resource.put("schema", Map.of("fields", schemas.get(table.name())));
				resources.add(resource);
			}
		}
		dataPackage.put("resources", resources);
		return dataPackage;
	}

}
