package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.SmallNightly;
import fr.territoire.support.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release and the warehouse are put in service together (issue 17, "Why" 2): killed
 * between publish and promote, readers still see the previous pair; a crash between the
 * two renames of the promotion is finished by the next start; stale partial folders are
 * removed; old releases are kept up to territoire.publish.keep-releases. On the small
 * test inbox ({@link SmallNightly}'s home for the first pair): what is tested is the
 * promotion, not the samples' figures.
 */
class PromotionIntegrationTests {

	private static final String DATE_B = SmallNightly.DATE;

	private static final String DATE_A = "2026-11-27";

	private static final String DATE_C = "2026-11-28";

	@TempDir
	Path home;

	@TempDir
	Path inbox;

	@Test
	void readersSeeTheOldPairOrTheNewPairAndAnInterruptedPromotionIsFinished() throws Exception {
		SmallInbox.copyTo(this.inbox);
		// date B's finished nightly on the small inbox: a copy of the shared one's home
		SmallNightly.copyHomeTo(this.home);
		String releaseB = latestId();
		assertThat(releaseB).startsWith(DATE_B + "-");
		assertThat(servedDate()).isEqualTo(DATE_B);

		String killed = Launcher.killWhen((line) -> line.contains("Step report started"), "--home",
				this.home.toString(), "run", "nightly", "--date", DATE_A, "--inbox", this.inbox.toString());
		assertThat(killed).contains("Release " + DATE_A + "-").doesNotContain("Run completed");
		// published but not promoted: the previous pair is still the one in service
		assertThat(latestId()).isEqualTo(releaseB);
		assertThat(servedDate()).isEqualTo(DATE_B);

		Path stale = Files.createDirectories(this.home.resolve("publish/releases/.partial-2026-01-01-99"));
		Files.writeString(stale.resolve("indicator.csv"), "half");

		Launcher.Result again = run("run", "nightly", "--date", DATE_A);
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("Resuming the nightly run of " + DATE_A);
		assertThat(log())
			.contains("Removed " + stale + ", a partial release left by a run that stopped while publishing");
		assertThat(stale).doesNotExist();
		String releaseA = latestId();
		assertThat(releaseA).startsWith(DATE_A + "-");
		assertThat(servedDate()).isEqualTo(DATE_A);
		assertThat(Files.readString(this.home.resolve("publish/promotion.json"))).contains("\"" + releaseA + "\"")
			.contains("\"done\" : true");
		assertThat(releaseIds()).containsExactlyInAnyOrder(releaseB, releaseA);

		// the state a kill leaves between the two renames of the promotion: warehouse
		// renamed, latest not yet switched, the marker recording the new pair not done
		long instanceA = Long.parseLong(releaseA.substring(DATE_A.length() + 1));
		Path latest = this.home.resolve("publish/latest");
		Files.delete(latest);
		Files.createSymbolicLink(latest, Path.of("releases", releaseB));
		Files.writeString(this.home.resolve("publish/promotion.json"), "{\"instance\": " + instanceA
				+ ", \"runDate\": \"" + DATE_A + "\", \"release\": \"" + releaseA + "\", \"done\": false}");

		Launcher.Result third = Launcher.runWith(java.util.Map.of("TERRITOIRE_PUBLISH_KEEPRELEASES", "1"), "--home",
				this.home.toString(), "run", "nightly", "--date", DATE_C, "--inbox", this.inbox.toString());
		assertThat(third.exitCode()).as(third.output()).isZero();
		assertThat(log())
			.contains("The promotion of release " + releaseA
					+ " was interrupted after its warehouse was put in service; finishing it: latest now points at it")
			.contains("Removed " + this.home.resolve("publish/releases/" + releaseB)
					+ ": only the 1 most recent releases are kept (territoire.publish.keep-releases)")
			.contains("Removed " + this.home.resolve("publish/releases/" + releaseA)
					+ ": only the 1 most recent releases are kept (territoire.publish.keep-releases)");
		assertThat(latestId()).startsWith(DATE_C + "-");
		assertThat(releaseIds()).containsExactly(latestId());
		assertThat(servedDate()).isEqualTo(DATE_C);
	}

	private String servedDate() throws Exception {
		try (Warehouse warehouse = Warehouse.open(this.home.resolve("warehouse/current.duckdb"))) {
			return warehouse.text("SELECT CAST(run_date AS VARCHAR) FROM meta.run");
		}
	}

	private String latestId() throws IOException {
		return Files.readSymbolicLink(this.home.resolve("publish/latest")).getFileName().toString();
	}

	private List<String> releaseIds() throws IOException {
		try (Stream<Path> releases = Files.list(this.home.resolve("publish/releases"))) {
			return releases.filter(Files::isDirectory)
				.map((path) -> path.getFileName().toString())
				.filter((name) -> !name.startsWith("."))
				.toList();
		}
	}

	private String log() throws IOException {
		return Files.readString(this.home.resolve("logs/territoire.log"));
	}

	private Launcher.Result run(String... arguments) throws IOException, InterruptedException {
		List<String> all = new ArrayList<>(List.of("--home", this.home.toString()));
		all.addAll(List.of(arguments));
		all.addAll(List.of("--inbox", this.inbox.toString()));
		return Launcher.run(all.toArray(String[]::new));
	}

}
