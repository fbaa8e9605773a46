package fr.territoire.publish;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DCAT catalogue is written with its keys in a fixed order, so that two runs of the
 * same data write the same bytes whatever JVM wrote them.
 */
class CatalogJsonLdTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void writesTypedValuesWithTheirValueFirstAndTheirTypeSecond() {
		PublicationSpec spec = new PublicationSpec("Territoire", "Indicateurs", "Licence Ouverte", "Territoire", null,
				null, null, null, null, null, null,
				List.of(new PublicationSpec.PublishedTable("territories", "public.territory", null, "code")));
		ReleaseManifest.File file = new ReleaseManifest.File("data/territories.csv", "csv", 1234, "ab".repeat(32));
		ReleaseManifest manifest = new ReleaseManifest("2026-01-15-1", "Territoire", "Indicateurs",
				"2026-01-15T02:00:00Z", "2026-01-15", 1, "etalab-2.0", "Territoire", "2026", List.of(),
				List.of(new ReleaseManifest.Table("territories", "Les territoires", 3, List.of(file), "Territoires")),
				List.of(), List.of(), new ReleaseManifest.Temporal("2020", "2024"));

		String written = JSON.writeValueAsString(CatalogJsonLd.describe(spec, manifest));

		assertThat(written).contains("\"dcat:byteSize\":{\"@value\":\"1234\",\"@type\":\"xsd:nonNegativeInteger\"}")
			.contains("\"dct:issued\":{\"@value\":\"2026-01-15T02:00:00Z\",\"@type\":\"xsd:dateTime\"}")
			.contains("\"dct:title\":{\"@value\":\"Territoires (CSV)\",\"@language\":\"fr\"}")
			.contains("\"dcat:startDate\":{\"@value\":\"2020\",\"@type\":\"xsd:gYear\"}");
		assertThat(JSON.writeValueAsString(CatalogJsonLd.describe(spec, manifest))).isEqualTo(written);
		assertThat(OrderedJson.object("b", 1, "a", 2)).containsExactly(Map.entry("b", 1), Map.entry("a", 2));
	}

	@Test
	void creditsThePartnersAsContributorsOfTheCatalogueAndOfTheDatasetsTheirDataFeeds() {
		PublicationSpec spec = new PublicationSpec("Territoire", "Indicateurs", "Licence Ouverte", "Territoire", null,
				null, null, null, null, null, null,
				List.of(new PublicationSpec.PublishedTable("territories", "public.territory", null, "code"),
						new PublicationSpec.PublishedTable("indicator_values_epci", "public.indicator_value", null,
								"code")));
		ReleaseManifest manifest = new ReleaseManifest("2026-01-15-1", "Territoire", "Indicateurs",
				"2026-01-15T02:00:00Z", "2026-01-15", 1, "etalab-2.0", "Territoire", "2026", List.of(), List
					.of(new ReleaseManifest.Table("territories", "Les territoires", 3, List.of(), "Territoires"),
							new ReleaseManifest.Table("indicator_values_epci", "Indicateurs des EPCI", 3, List.of(),
									"Indicateurs")),
				List.of(), List.of(), new ReleaseManifest.Temporal("2020", "2024"));
		PartnerCredits credits = new PartnerCredits(
				List.of(OrderedJson.object("title", "Cluster aéro", "role", "contributor", "organization", "cluster",
						"name", "cluster-aero", "licence", "etalab-2.0")),
				Map.of("indicator_values_epci", List.of(OrderedJson.object("title", "Cluster aéro", "name",
						"partner:cluster-aero", "indicators", List.of("partner_turnover")))));

		String written = JSON.writeValueAsString(CatalogJsonLd.describe(spec, manifest, credits));

		String partner = "{\"@id\":\"#partner-cluster-aero\",\"@type\":\"foaf:Organization\",\"foaf:name\":\"Cluster aéro\"}";
		assertThat(written).contains("\"dct:contributor\":[" + partner + "],\"dcat:dataset\"")
			.contains("\"@id\":\"#indicator_values_epci\"");
		assertThat(written.substring(written.indexOf("\"@id\":\"#indicator_values_epci\"")))
			.contains("\"dct:contributor\":[" + partner + "]");
		assertThat(written.substring(written.indexOf("\"@id\":\"#territories\""),
				written.indexOf("\"@id\":\"#indicator_values_epci\"")))
			.doesNotContain("dct:contributor");
		assertThat(JSON.writeValueAsString(CatalogJsonLd.describe(spec, manifest))).doesNotContain("dct:contributor");
	}

}
