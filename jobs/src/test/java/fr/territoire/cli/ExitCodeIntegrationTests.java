package fr.territoire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SharedData;
import fr.territoire.support.SmallInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit code of a command is decided by the kind of its error code, in the packaged
 * application as a user runs it: usage and configuration errors exit 2, input and run
 * failures exit 1.
 */
class ExitCodeIntegrationTests {

	@TempDir
	Path project;

	@TempDir
	Path home;

	@Test
	void anInvalidPublicationExitsTwoBeforeAnythingRuns() throws Exception {
		SampleExpectations.copyConfiguration(this.project);
		Path publish = this.project.resolve("warehouse/publish.yaml");
		Files.writeString(publish, Files.readString(publish).replace("from: public.", "from: core."));
		Launcher.Result run = Launcher.runIn(this.project, "run", "nightly", "--date", "2026-11-23", "--home",
				this.home.toString());
		assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("[BAD_CONFIGURATION]").contains("warehouse/publish.yaml");
		assertThat(this.home.resolve("warehouse/next.duckdb")).doesNotExist();
	}

	@Test
	void anInvalidIndicatorExitsTwo() throws Exception {
		SampleExpectations.copyConfiguration(this.project);
		Path indicator = this.project.resolve("warehouse/indicators/establishment_density.yaml");
		Files.writeString(indicator, Files.readString(indicator).replace("scale: 1000", "scale: -1000"));
		Launcher.Result run = Launcher.runIn(this.project, "run", "nightly", "--date", "2026-11-23", "--home",
				this.home.toString());
		assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("[BAD_CONFIGURATION]")
			.contains("warehouse/indicators/establishment_density.yaml")
			.contains("scale must be positive");
		Launcher.Result check = Launcher.runIn(this.project, "check");
		assertThat(check.exitCode()).as(check.output()).isEqualTo(2);
	}

	@Test
	void aQueryDuckDbRefusesExitsTwoWithItsMessage() throws Exception {
		SampleExpectations.copyConfiguration(this.project);
		Path warehouse = this.home.resolve("warehouse/current.duckdb");
		Files.createDirectories(warehouse.getParent());
		try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + warehouse);
				var statement = connection.createStatement()) {
			statement.execute("CREATE TABLE answer AS SELECT 42 AS value");
		}
		Launcher.Result answered = Launcher.runIn(this.project, "sql", "SELECT value FROM answer", "--format", "csv",
				"--all-schemas", "--home", this.home.toString());
		assertThat(answered.exitCode()).as(answered.output()).isZero();
		assertThat(answered.output()).endsWith("value\n42");
		Launcher.Result refused = Launcher.runIn(this.project, "sql", "SELEC 1", "--home", this.home.toString());
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("[BAD_QUERY]")
			.contains("Parser Error: syntax error at or near \"SELEC\"");
	}

	@Test
	void aRejectRateAboveTheLimitExitsOneAsAFailedRunNotAnUnreadableFile(@TempDir Path inbox) throws Exception {
		SampleExpectations.copyConfiguration(this.project);
		// the small test inbox: the run fails at the comparateur's normalisation, after
		// ingesting every source
		SmallInbox.copyTo(inbox);
		Path comparateur = inbox.resolve("statistics/insee/base_cc_comparateur_EXTRACT_transcribed.csv");
		Files.createDirectories(comparateur.getParent());
		List<String> lines = new ArrayList<>(Files.readAllLines(SharedData
			.file("statistics/watashi-clara-outil-decisionel/base_cc_comparateur_EXTRACT_transcribed.csv")));
		int rows = lines.size() - 1;
		lines.add(lines.get(1).replaceFirst("^01001;859;", "01020;abc;"));
		lines.add(lines.get(2).replaceFirst("^01002;273;", "01021;27 3;"));
		Files.write(comparateur, lines);
		Launcher.Result run = Launcher.runIn(this.project, "run", "nightly", "--date", "2026-11-25", "--home",
				this.home.toString(), "--inbox", inbox.toString());
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		String percent = String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * 2 / (rows + 2));
		assertThat(run.output()).contains("[REJECT_RATE_EXCEEDED] mappings/insee_comparateur.yaml: 2 of " + (rows + 2)
				+ " rows rejected (" + percent + ")");
		assertThat(run.output()).doesNotContain("UNREADABLE_INPUT").doesNotContain("this is a bug");
	}

}
