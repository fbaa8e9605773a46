package fr.territoire.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audits that run after the public layer check what a release would expose: a public
 * model that forgets to mask the street of 'P' establishments is caught by
 * {@code establishment__published_address_of_partially_diffusible} in the
 * {@code audit.public} step, which records the offending rows and stops the run before
 * anything is published or promoted; a restart resumes at that step. The good run is on
 * the small test inbox ({@link SmallInbox}), whose Entzheim stock is the samples' whole.
 */
class PublicAuditIntegrationTests {

	private static final String AUDIT = "establishment__published_address_of_partially_diffusible";

	@TempDir
	Path folder;

	@Test
	void blocksPublicationWhenThePublicLayerExposesTheAddressOfAPartiallyDiffusibleUnit() throws Exception {
		Path project = this.folder.resolve("project");
		copyConfiguration(project);
		Path model = project.resolve("warehouse/models/public/establishment.sql");
		String masking = "case when not hides_address then libelle_voie end as libelle_voie";
		assertThat(Files.readString(model)).contains(masking);
		Files.writeString(model, Files.readString(model).replace(masking, "libelle_voie"));
		Path inbox = this.folder.resolve("inbox");
		SampleExpectations.copySamples(inbox);
		long leaked = 0;
		for (String file : SampleExpectations.SIRENE_FILES) {
			leaked += refuseDiffusionOfEverySeventh(inbox.resolve(file));
		}
		assertThat(leaked).isGreaterThan(400);
		Path home = this.folder.resolve("var");

		int exitCode = runNightly(project, home, inbox);

		assertThat(exitCode).isEqualTo(1);
		assertThat(home.resolve("warehouse/current.duckdb")).doesNotExist();
		assertThat(home.resolve("publish/latest")).doesNotExist();
		try (Warehouse next = Warehouse.open(home.resolve("warehouse/next.duckdb"))) {
			assertThat(next
				.count("SELECT offending_rows FROM quality.audit_result WHERE audit = '" + AUDIT + "' AND blocking"))
				.isEqualTo(leaked);
			// the audits of the earlier step are recorded beside it, and passed
			long coreAudits = fr.territoire.project.ProjectConfiguration
				.load(SampleExpectations.PROJECT, fr.territoire.nightly.Jobs.NAMES)
				.allAudits()
				.stream()
				.filter((audit) -> audit.name().startsWith("core."))
				.count();
			assertThat(coreAudits).isGreaterThan(20);
			assertThat(next.count("SELECT count(*) FROM quality.audit_result WHERE audit LIKE 'core.%'"))
				.isEqualTo(coreAudits);
			assertThat(
					next.count("SELECT sum(offending_rows) FROM quality.audit_result WHERE audit <> '" + AUDIT + "'"))
				.isZero();
			assertThat(next.count("SELECT count(*) FROM public.establishment WHERE is_partially_diffusible"))
				.isEqualTo(next.count("SELECT count(*) FROM core.establishment WHERE statut_diffusion = 'P'"));
		}

		// a restart resumes at audit.public, which finds the same rows in the same public
		// table
		int restarted = runNightly(project, home, inbox);

		assertThat(restarted).isEqualTo(1);
		List<String> steps = stepsOfLastRun(home);
		assertThat(steps).containsExactly("audit.public");
		assertThat(home.resolve("publish/latest")).doesNotExist();
		try (Warehouse next = Warehouse.open(home.resolve("warehouse/next.duckdb"))) {
			assertThat(next.count("SELECT offending_rows FROM quality.audit_result WHERE audit = '" + AUDIT + "'"))
				.isEqualTo(leaked);
		}
	}

	@Test
	void recordsThePublicAuditsOfAGoodRunAsPassed() throws Exception {
		Path inbox = this.folder.resolve("inbox");
		SmallInbox.copyTo(inbox);
		refuseDiffusionOfEverySeventh(inbox.resolve(SampleExpectations.SIRENE_FILES.get(0)));
		Path home = this.folder.resolve("var");

		int exitCode = runNightly(SampleExpectations.PROJECT, home, inbox);

		assertThat(exitCode).isZero();
		try (Warehouse current = Warehouse.open(home.resolve("warehouse/current.duckdb"))) {
			assertThat(current.count("SELECT count(*) FROM quality.audit_result WHERE audit IN ('" + AUDIT
					+ "', 'legal_unit__published_masked_fields_of_partially_diffusible') AND blocking "
					+ "AND offending_rows = 0"))
				.isEqualTo(2);
			assertThat(current.count("SELECT count(*) FROM public.establishment WHERE is_partially_diffusible"))
				.isEqualTo(562);
		}
	}

	/**
	 * Sets statutDiffusionEtablissement to P on every seventh row of a register file.
	 * @return how many of those rows have a street name
	 */
	private static long refuseDiffusionOfEverySeventh(Path file) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		List<String> header;
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); var parser = format.parse(reader)) {
			header = parser.getHeaderNames();
			for (CSVRecord record : parser) {
				rows.add(new LinkedHashMap<>(record.toMap()));
			}
		}
		long withStreet = 0;
		for (int i = 0; i < rows.size(); i += 7) {
			rows.get(i).put("statutDiffusionEtablissement", "P");
			if (!rows.get(i).get("libelleVoieEtablissement").isEmpty()) {
				withStreet++;
			}
		}
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = CSVFormat.DEFAULT.builder()
					.setHeader(header.toArray(String[]::new))
					.get()
					.print(writer)) {
			for (Map<String, String> row : rows) {
				printer.printRecord(header.stream().map(row::get).toList());
			}
		}
		return withStreet;
	}

	private static int runNightly(Path project, Path home, Path inbox) {
		return SampleExpectations.runNightlyIn(project, "2026-11-25", home, inbox);
	}

	private static List<String> stepsOfLastRun(Path home) throws IOException, InterruptedException {
		Launcher.Result status = Launcher.run("status", "--json", "--home", home.toString());
		assertThat(status.exitCode()).as(status.output()).isZero();
		JsonNode runs = JsonMapper.builder().build().readTree(status.output().substring(status.output().indexOf('[')));
		List<String> names = new ArrayList<>();
		runs.get(0).get("steps").forEach((step) -> names.add(step.get("name").asString()));
		return names;
	}

	private static void copyConfiguration(Path target) throws IOException {
		SampleExpectations.copyConfiguration(target);
	}

}
