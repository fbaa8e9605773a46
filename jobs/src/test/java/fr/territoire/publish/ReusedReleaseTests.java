package fr.territoire.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReusedReleaseTests {

	@TempDir
	Path releases;

	@Test
	void theDataFilesAreHardLinksAndOnlyTheFilesNamingTheReleaseAreRewritten() throws Exception {
		Path old = this.releases.resolve("2026-11-23-1");
		write(old.resolve("t.csv"), "a,b\n1,2026-11-23-12\n");
		write(old.resolve("manifest.json"), "{\n  \"id\" : \"2026-11-23-1\",\n  \"created_at\" : \"T\",\n"
				+ "  \"run_date\" : \"2026-11-23\",\n  \"job_execution_id\" : 1,\n  \"licence\" : \"L\"\n}");
		write(old.resolve("datapackage.json"), "{\"id\":\"2026-11-23-1\",\"path\":\"2026-11-23-1/t\"}");
		write(old.resolve("datasets/t.html"), "<p>publication 2026-11-23-1 (not 2026-11-23-10)</p>");
		write(old.resolve("index.html"), "<h1>2026-11-23-1</h1>\n<section id=\"changes\">\n<p>old changes</p>\n"
				+ "<table></table>\n</section>\n<section id=\"glossary\"></section>");
		write(old.resolve("changes.json"), "{\"previous_release\":null}");
		write(old.resolve("SHA256SUMS"),
				sha256(old.resolve("t.csv")) + "  t.csv\n" + sha256(old.resolve("manifest.json")) + "  manifest.json\n"
						+ sha256(old.resolve("datapackage.json")) + "  datapackage.json\n");

		ReusedRelease.Outcome outcome = ReusedRelease.write(this.releases, "2026-11-23-1", "2026-11-24-2", "2026-11-24",
				7);

		Path release = this.releases.resolve("2026-11-24-2");
		assertThat(outcome.release()).isEqualTo(release);
		assertThat(outcome.rewritten()).containsExactlyInAnyOrder("manifest.json", "datapackage.json",
				"datasets/t.html", "index.html", "changes.json");
		assertThat(Files.getAttribute(release.resolve("t.csv"), "unix:ino"))
			.isEqualTo(Files.getAttribute(old.resolve("t.csv"), "unix:ino"));
		assertThat(Files.readString(release.resolve("t.csv"))).contains("2026-11-23-12");
		JsonNode manifest = JsonMapper.builder().build().readTree(release.resolve("manifest.json").toFile());
		assertThat(manifest.get("id").asString()).isEqualTo("2026-11-24-2");
		assertThat(manifest.get("run_date").asString()).isEqualTo("2026-11-24");
		assertThat(manifest.get("job_execution_id").asLong()).isEqualTo(7);
		assertThat(manifest.get("reused_from").asString()).isEqualTo("2026-11-23-1");
		assertThat(manifest.get("created_at").asString()).isEqualTo("T");
		assertThat(Files.readString(release.resolve("datapackage.json")))
			.isEqualTo("{\"id\":\"2026-11-24-2\",\"path\":\"2026-11-24-2/t\"}");
		assertThat(Files.readString(release.resolve("datasets/t.html")))
			.isEqualTo("<p>publication 2026-11-24-2 (not 2026-11-23-10)</p>");
		String index = Files.readString(release.resolve("index.html"));
		assertThat(index).startsWith("<h1>2026-11-24-2</h1>")
			.doesNotContain("old changes")
			.contains("<code>2026-11-23-1</code> : rien n'a changé")
			.endsWith("<section id=\"glossary\"></section>");
		assertThat(Files.readAllLines(release.resolve("SHA256SUMS"))).containsExactly(
				sha256(release.resolve("t.csv")) + "  t.csv",
				sha256(release.resolve("manifest.json")) + "  manifest.json",
				sha256(release.resolve("datapackage.json")) + "  datapackage.json");
		assertThat(Files.exists(Releases.partial(this.releases, "2026-11-24-2"))).isFalse();
		assertThat(Files.readString(old.resolve("datapackage.json"))).contains("2026-11-23-1");
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
