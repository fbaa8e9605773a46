package fr.territoire.partner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.territoire.config.Definition;
import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code partners/<id>.yaml} is read strictly like every folder, and {@code territoire
 * check} checks the links: a mapping naming an unknown partner, a confidential partner
 * feeding an indicator published without secrecy.
 */
class PartnerDeclarationTests {

	static final String PARTNER = """
			name: Chambre de commerce du Bas-Rhin
			kind: chambre_consulaire
			contact: {name: Service études, email: etudes@cci.example}
			licence: Licence Ouverte 2.0
			confidentiality: public
			""";

	@Test
	void readsTheShippedPartnerAndWhatItsWorkbookFeeds() {
		ProjectConfiguration configuration = ProjectConfiguration.load(SampleExpectations.PROJECT, Jobs.NAMES);
		assertThat(configuration.errors()).isEmpty();
		assertThat(configuration.partners())
			.extracting(Definition::name, (definition) -> definition.spec().kind(),
					(definition) -> definition.spec().confidentiality())
			.containsExactly(tuple("cluster-aero-grand-est", PartnerSpec.Kind.CLUSTER,
					PartnerSpec.Confidentiality.CONFIDENTIAL));
		// the members workbook feeds the turnover indicators (through
		// contribution_partner_turnover), nothing else
		assertThat(configuration.partnerFeeds()).containsExactly(new PartnerFeed("cluster-aero-grand-est",
				"partner_members", List.of("partner_turnover", "partner_turnover_by_filiere")));
	}

	@Test
	void refusesAMappingNamingAnUnknownPartnerWithFileAndLine(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Path mapping = project.resolve("mappings/partner_members.yaml");
		String text = Files.readString(mapping).replace("partner: cluster-aero-grand-est", "partner: cluster-inconnu");
		Files.writeString(mapping, text);
		int line = lineOf(text, "partner: cluster-inconnu");
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).extracting(Problem::file, Problem::line, Problem::message)
			.containsExactly(tuple("mappings/partner_members.yaml", line, "unknown partner 'cluster-inconnu'"));
		assertThat(configuration.errors().get(0).hint()).contains("cluster-aero-grand-est");
	}

	@Test
	void refusesAPartnerOfAnUnknownKindWithItsLine(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("partners/cci-bas-rhin.yaml"),
				PARTNER.replace("kind: chambre_consulaire", "kind: association"));
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).extracting(Problem::file, Problem::line)
			.containsExactly(tuple("partners/cci-bas-rhin.yaml", 2));
		assertThat(configuration.errors().get(0).message())
			.contains("'association' is not one of collectivite, chambre_consulaire, cluster, entreprise");
		assertThat(configuration.partners()).extracting(Definition::name).containsExactly("cluster-aero-grand-est");
	}

	@Test
	void refusesAnUnknownKeyAndAMissingContact(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("partners/a.yaml"), PARTNER + "telephone: 03 88 00 00 00\n");
		Files.writeString(project.resolve("partners/b.yaml"),
				PARTNER.replace("contact: {name: Service études, email: etudes@cci.example}\n", ""));
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).extracting(Problem::file, Problem::message)
			.containsExactly(tuple("partners/a.yaml", "unknown key 'telephone'"),
					tuple("partners/b.yaml", "contact is required (name, email)"));
	}

	@Test
	void acceptsAPublicPartnerFeedingAnIndicatorWithoutSecrecy(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("partners/cci-bas-rhin.yaml"), PARTNER);
		addPartnerKey(project.resolve("mappings/partner_etablissements.yaml"), "cci-bas-rhin");
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).isEmpty();
		assertThat(configuration.partnerFeeds()).filteredOn((feed) -> feed.partner().equals("cci-bas-rhin"))
			.singleElement()
			.satisfies((feed) -> assertThat(feed.indicators()).contains("partner_members_per_1000"));
	}

	@Test
	void refusesAConfidentialPartnerFeedingAnIndicatorWithoutSecrecy(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("partners/cci-bas-rhin.yaml"),
				PARTNER.replace("confidentiality: public", "confidentiality: confidential"));
		Path mapping = project.resolve("mappings/partner_etablissements.yaml");
		addPartnerKey(mapping, "cci-bas-rhin");
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem.file()).isEqualTo("mappings/partner_etablissements.yaml"))
			.allSatisfy((problem) -> assertThat(problem.line()).isEqualTo(2))
			.extracting(Problem::message)
			.contains("partner 'cci-bas-rhin' is confidential but source 'partner_etablissements' feeds indicator "
					+ "'partner_members_per_1000', whose secrecy is none");
	}

	private static void addPartnerKey(Path mapping, String partner) throws IOException {
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(mapping));
		lines.add(1, "partner: " + partner);
		Files.write(mapping, lines);
	}

	private static int lineOf(String text, String content) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).equals(content)) {
				return i + 1;
			}
		}
		throw new AssertionError(content + " not found");
	}

}
