package fr.territoire.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code catalog.jsonld}: the release described in DCAT-AP for portals that harvest
 * catalogues (data.gouv.fr's udata, CKAN): a {@code dcat:Catalog}, a {@code dcat:Dataset}
 * per published table and a {@code dcat:Distribution} per file, with its media type, size
 * and SHA-256 ({@code spdx:checksum}), licence, publisher, temporal and spatial coverage
 * and issue date. Identifiers and download URLs are relative to the document: they
 * resolve against wherever the release is served. The partners whose files the run read
 * are the catalogue's {@code dct:contributor}s ({@code foaf:Organization}), and each
 * dataset whose indicators use a partner's data names that partner as its own
 * contributor, as {@code datapackage.json} does.
 */
final class CatalogJsonLd {

	static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";

	static final String MEDIA_TYPE = "http://www.iana.org/assignments/media-types/";

	static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

	private CatalogJsonLd() {
	}

	static Map<String, Object> describe(PublicationSpec spec, ReleaseManifest manifest) {
		return describe(spec, manifest, PartnerCredits.NONE);
	}

	static Map<String, Object> describe(PublicationSpec spec, ReleaseManifest manifest, PartnerCredits credits) {
		Map<String, Object> catalog = new LinkedHashMap<>();
		catalog.put("@context", context());
		catalog.put("@id", "#catalog");
		catalog.put("@type", "dcat:Catalog");
		catalog.put("dct:title", french(spec.title()));
		catalog.put("dct:description", french(spec.description().strip()));
		catalog.put("dct:publisher", publisher(spec));
		catalog.put("dct:license", OrderedJson.object("@id", spec.licenceUrl()));
		catalog.put("dct:issued", dateTime(manifest.createdAt()));
		catalog.put("dct:modified", dateTime(manifest.createdAt()));
		catalog.put("dct:language",
				OrderedJson.object("@id", "http://publications.europa.eu/resource/authority/language/FRA"));
		if (!credits.contributors().isEmpty()) {
			List<Map<String, Object>> partners = new ArrayList<>();
			for (Map<String, Object> contributor : credits.contributors()) {
				partners.add(OrderedJson.object("@id", partnerId(contributor.get("name")), "@type", "foaf:Organization",
						"foaf:name", contributor.get("title")));
			}
			catalog.put("dct:contributor", partners);
		}
		List<Map<String, Object>> datasets = new ArrayList<>();
		for (ReleaseManifest.Table table : manifest.tables()) {
			Map<String, Object> dataset = dataset(spec, manifest, table);
			List<Map<String, Object>> sources = credits.byTable().get(table.name());
			if (sources != null) {
				List<Map<String, Object>> partners = new ArrayList<>();
				for (Map<String, Object> source : sources) {
					partners.add(OrderedJson.object("@id",
							partnerId(String.valueOf(source.get("name")).substring("partner:".length())), "@type",
							"foaf:Organization", "foaf:name", source.get("title")));
				}
				dataset.put("dct:contributor", partners);
			}
			datasets.add(dataset);
		}
		catalog.put("dcat:dataset", datasets);
		return catalog;
	}

	private static Map<String, Object> context() {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("dcat", "http://www.w3.org/ns/dcat#");
		context.put("dct", "http://purl.org/dc/terms/");
		context.put("foaf", "http://xmlns.com/foaf/0.1/");
		context.put("spdx", "http://spdx.org/rdf/terms#");
		context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
		context.put("adms", "http://www.w3.org/ns/adms#");
		context.put("owl", "http://www.w3.org/2002/07/owl#");
		return context;
	}

	private static Map<String, Object> dataset(PublicationSpec spec, ReleaseManifest manifest,
			ReleaseManifest.Table table) {
		Map<String, Object> dataset = new LinkedHashMap<>();
		dataset.put("@id", "#" + table.name());
		dataset.put("@type", "dcat:Dataset");
		dataset.put("dct:identifier", manifest.id() + "/" + table.name());
		dataset.put("dct:title", french(table.title()));
		dataset.put("dct:description", french(table.description().strip()));
		dataset.put("owl:versionInfo", manifest.id());
		dataset.put("dct:publisher", publisher(spec));
		dataset.put("dct:license", OrderedJson.object("@id", spec.licenceUrl()));
		dataset.put("dct:issued", dateTime(manifest.createdAt()));
		dataset.put("dct:accrualPeriodicity", OrderedJson.object("@id", FREQUENCY + spec.frequency()));
		dataset.put("dct:spatial", OrderedJson.object("@id", spec.spatialUri()));
		Map<String, Object> temporal = new LinkedHashMap<>();
		temporal.put("@type", "dct:PeriodOfTime");
		temporal.put("dcat:startDate", OrderedJson.object("@value", manifest.temporal().start(), "@type", "xsd:gYear"));
		temporal.put("dcat:endDate", OrderedJson.object("@value", manifest.temporal().end(), "@type", "xsd:gYear"));
		dataset.put("dct:temporal", temporal);
		List<Map<String, Object>> distributions = new ArrayList<>();
		for (ReleaseManifest.File file : table.files()) {
			distributions.add(distribution(spec, manifest, table, file));
		}
		dataset.put("dcat:distribution", distributions);
		return dataset;
	}

	private static Map<String, Object> distribution(PublicationSpec spec, ReleaseManifest manifest,
			ReleaseManifest.Table table, ReleaseManifest.File file) {
		Map<String, Object> distribution = new LinkedHashMap<>();
		distribution.put("@id", "#" + table.name() + "-" + file.format());
		distribution.put("@type", "dcat:Distribution");
		distribution.put("dct:title", french(table.title() + " (" + file.format().toUpperCase(Locale.ROOT) + ")"));
		distribution.put("dcat:downloadURL", OrderedJson.object("@id", file.path()));
		distribution.put("dcat:accessURL", OrderedJson.object("@id", file.path()));
		distribution.put("dcat:mediaType",
				OrderedJson.object("@id", MEDIA_TYPE + DataPackage.mediaType(file.format())));
		distribution.put("dct:format", OrderedJson.object("@id", FILE_TYPE + file.format().toUpperCase(Locale.ROOT)));
		if (file.gzipped()) {
			distribution.put("dcat:compressFormat", OrderedJson.object("@id", MEDIA_TYPE + "application/gzip"));
		}
		distribution.put("dcat:byteSize",
				OrderedJson.object("@value", Long.toString(file.bytes()), "@type", "xsd:nonNegativeInteger"));
		Map<String, Object> checksum = new LinkedHashMap<>();
		checksum.put("@type", "spdx:Checksum");
		checksum.put("spdx:algorithm", OrderedJson.object("@id", "spdx:checksumAlgorithm_sha256"));
		checksum.put("spdx:checksumValue", OrderedJson.object("@value", file.sha256(), "@type", "xsd:hexBinary"));
		distribution.put("spdx:checksum", checksum);
		distribution.put("dct:license", OrderedJson.object("@id", spec.licenceUrl()));
		distribution.put("dct:issued", dateTime(manifest.createdAt()));
		return distribution;
	}

	/** A partner's node in the document, e.g. {@code #partner-cluster-aero-grand-est}. */
	private static String partnerId(Object partner) {
		return "#partner-" + partner;
	}

	private static Map<String, Object> publisher(PublicationSpec spec) {
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("@id", "#publisher");
		publisher.put("@type", "foaf:Agent");
		publisher.put("foaf:name", spec.publisher());
		return publisher;
	}

	private static Map<String, Object> french(String text) {
		return OrderedJson.object("@value", text, "@language", "fr");
	}

	private static Map<String, Object> dateTime(String instant) {
		return OrderedJson.object("@value", instant, "@type", "xsd:dateTime");
	}

}
