package fr.territoire.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import fr.territoire.support.SampleNightly;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release's {@code catalog.jsonld} parsed as JSON-LD into RDF by Apache Jena: exact
 * DCAT triples, with sizes and checksums computed from the files on disk.
 */
class ReleaseCatalogIntegrationTests {

	private static final String DCAT = "http://www.w3.org/ns/dcat#";

	private static final String DCT = "http://purl.org/dc/terms/";

	private static final String SPDX = "http://spdx.org/rdf/terms#";

	@Test
	void describesEachPublishedTableAsADatasetAndEachFileAsADistributionWithItsSizeAndChecksum() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		Path catalogFile = release.resolve("catalog.jsonld");
		Model model = RDFDataMgr.loadModel(catalogFile.toUri().toString(), Lang.JSONLD);
		Set<String> tables = new HashSet<>();
		Set<Path> files = new HashSet<>();
		try (Stream<Path> paths = Files.list(release)) {
			for (Path file : paths.toList()) {
				String name = file.getFileName().toString();
				if (name.matches(".*\\.(parquet|csv|xlsx)")) {
					files.add(file);
					tables.add(name.substring(0, name.lastIndexOf('.')));
				}
			}
		}
		assertThat(tables).hasSize(16);
		List<Resource> catalogs = model.listSubjectsWithProperty(RDF.type, model.createResource(DCAT + "Catalog"))
			.toList();
		assertThat(catalogs).hasSize(1);
		Resource catalog = catalogs.get(0);
		assertThat(catalog.getURI()).isEqualTo(catalogFile.toUri() + "#catalog");
		List<Resource> datasets = model.listSubjectsWithProperty(RDF.type, model.createResource(DCAT + "Dataset"))
			.toList();
		assertThat(datasets).hasSize(tables.size());
		assertThat(model.listObjectsOfProperty(catalog, dcat("dataset")).toList()).hasSize(tables.size());
		Resource licence = model.createResource("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
		Resource france = model.createResource("http://publications.europa.eu/resource/authority/country/FRA");
		int first = Integer.MAX_VALUE;
		int last = Integer.MIN_VALUE;
		for (CSVRecord record : ReleaseDataPackageIntegrationTests
			.csv(release.resolve("indicator_values_france.csv"))) {
			first = Math.min(first, Integer.parseInt(record.get("period")));
			last = Math.max(last, Integer.parseInt(record.get("period")));
		}
		Set<Path> described = new HashSet<>();
		for (Resource dataset : datasets) {
			String table = dataset.getURI().substring(dataset.getURI().indexOf('#') + 1);
			assertThat(tables).contains(table);
			assertThat(model.contains(dataset, dct("license"), licence)).isTrue();
			assertThat(model.contains(dataset, dct("spatial"), france)).isTrue();
			assertThat(model.contains(dataset, dct("accrualPeriodicity"),
					model.createResource("http://publications.europa.eu/resource/authority/frequency/DAILY")))
				.isTrue();
			assertThat(dataset.getPropertyResourceValue(dct("publisher")).getProperty(foaf("name")).getString())
				.isEqualTo("Territoire");
			assertThat(dataset.getProperty(dct("issued")).getLiteral().getDatatypeURI())
				.isEqualTo(XSD.dateTime.getURI());
			Resource temporal = dataset.getPropertyResourceValue(dct("temporal"));
			assertThat(temporal.getProperty(dcat("startDate")).getLiteral().getLexicalForm())
				.isEqualTo(Integer.toString(first));
			assertThat(temporal.getProperty(dcat("endDate")).getLiteral().getLexicalForm())
				.isEqualTo(Integer.toString(last));
			List<RDFNode> distributions = model.listObjectsOfProperty(dataset, dcat("distribution")).toList();
			assertThat(distributions).hasSize(3);
			for (RDFNode node : distributions) {
				Resource distribution = node.asResource();
				assertThat(model.contains(distribution, RDF.type, model.createResource(DCAT + "Distribution")))
					.isTrue();
				Resource download = distribution.getPropertyResourceValue(dcat("downloadURL"));
				Path file = Path.of(java.net.URI.create(download.getURI()));
				assertThat(file.getParent()).isEqualTo(release);
				assertThat(file.getFileName().toString()).startsWith(table + ".");
				described.add(file);
				Literal size = distribution.getProperty(dcat("byteSize")).getLiteral();
				assertThat(size.getDatatypeURI()).isEqualTo(XSD.nonNegativeInteger.getURI());
				assertThat(size.getLong()).isEqualTo(Files.size(file));
				Resource checksum = distribution.getPropertyResourceValue(spdx("checksum"));
				assertThat(checksum.getPropertyResourceValue(spdx("algorithm")).getURI())
					.isEqualTo(SPDX + "checksumAlgorithm_sha256");
				assertThat(checksum.getProperty(spdx("checksumValue")).getString())
					.isEqualTo(ReleaseDataPackageIntegrationTests.sha256(file));
				String extension = file.getFileName().toString().replaceAll(".*\\.", "");
				String mediaType = switch (extension) {
					case "csv" -> "text/csv";
					case "parquet" -> "application/vnd.apache.parquet";
					default -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				};
				assertThat(distribution.getPropertyResourceValue(dcat("mediaType")).getURI())
					.isEqualTo("http://www.iana.org/assignments/media-types/" + mediaType);
				assertThat(model.contains(distribution, dct("license"), licence)).isTrue();
			}
		}
		assertThat(described).isEqualTo(files);
	}

	private static Property dcat(String name) {
		return ResourceFactory.createProperty(DCAT, name);
	}

	private static Property dct(String name) {
		return ResourceFactory.createProperty(DCT, name);
	}

	private static Property spdx(String name) {
		return ResourceFactory.createProperty(SPDX, name);
	}

	private static Property foaf(String name) {
		return ResourceFactory.createProperty("http://xmlns.com/foaf/0.1/", name);
	}

}
