package fr.territoire.reuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RunFingerprintTests {

	@TempDir
	Path project;

	@Test
	void theConfigurationFingerprintChangesWithAnyFileOfTheConfigurationFoldersOrTheSettingsOnly() throws IOException {
		write("mappings/a.yaml", "source: a\n");
		write("warehouse/models/core/x.sql", "select 1\n");
		write("partners/p.yaml", "name: P\n");
		write("schedules/nightly.yaml", "cron: 0 2 * * *\n");
		String before = RunFingerprint.configurationOf(this.project, "geography=2026");
		assertThat(RunFingerprint.configurationOf(this.project, "geography=2026")).isEqualTo(before);

		write("schedules/nightly.yaml", "cron: 0 3 * * *\n");
		write("samples/notes.txt", "anything");
		write("warehouse/README.md", "# documentation changes no output\n");
		write("mappings/.notes.swp", "an editor's file");
		assertThat(RunFingerprint.configurationOf(this.project, "geography=2026")).as("outside the folders")
			.isEqualTo(before);
		assertThat(RunFingerprint.configurationOf(this.project, "geography=2025")).as("settings").isNotEqualTo(before);

		write("warehouse/models/core/x.sql", "select 2\n");
		String changed = RunFingerprint.configurationOf(this.project, "geography=2026");
		assertThat(changed).isNotEqualTo(before);
		write("warehouse/models/core/x.sql", "select 1\n");
		assertThat(RunFingerprint.configurationOf(this.project, "geography=2026")).isEqualTo(before);

		Files.move(this.project.resolve("partners/p.yaml"), this.project.resolve("partners/q.yaml"));
		assertThat(RunFingerprint.configurationOf(this.project, "geography=2026")).as("a file renamed")
			.isNotEqualTo(before);
	}

	@Test
	void theCodeFingerprintIsStableAndNamesDuckDbsVersion() {
		String code = RunFingerprint.codeOf("v1.5.0");
		assertThat(code).hasSize(64).isEqualTo(RunFingerprint.codeOf("v1.5.0"));
		assertThat(RunFingerprint.codeOf("v1.5.1")).isNotEqualTo(code);
	}

	private void write(String relative, String content) throws IOException {
		Path file = this.project.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
