package fr.territoire.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A publish folder laid out as the nightly leaves it, written by the test itself: two
 * releases (A older, B newer), {@code latest} a relative link to B, a partial release,
 * and a secret file outside the folder with links pointing at it from inside.
 *
 * @param home the temporary folder holding {@code publish/} and {@code outside/}
 */
record PublishFixture(Path home) implements AutoCloseable {

	static final String A = "2026-11-22-1";

	static final String B = "2026-11-23-2";

	static final String SECRET = "SECRET-OUTSIDE-THE-PUBLISH-FOLDER";

	static PublishFixture create() throws IOException, SQLException {
		Path home = Files.createTempDirectory("territoire-serve-test");
		PublishFixture fixture = new PublishFixture(home);
		fixture.release(A, 1);
		fixture.release(B, 2);
		Files.createSymbolicLink(fixture.publish().resolve("latest"), Path.of("releases", B));
		Path partial = Files.createDirectories(fixture.releases().resolve(".partial-2026-11-24-3"));
		Files.writeString(partial.resolve("establishments.csv"), "siret\n" + SECRET + "\n");
		Path outside = Files.createDirectories(home.resolve("outside"));
		Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
		Path release = fixture.release(B);
		Files.createSymbolicLink(release.resolve("escape.txt"), outside.resolve("secret.txt"));
		Files.createSymbolicLink(release.resolve("escape-folder"), outside);
		Files.createSymbolicLink(release.resolve("to-partial"), Path.of("..", ".partial-2026-11-24-3"));
		return fixture;
	}

	Path publish() {
		return this.home.resolve("publish");
	}

	Path releases() {
		return publish().resolve("releases");
	}

	Path release(String id) {
		return releases().resolve(id);
	}

	/**
	 * Points {@code latest} at a release the way the nightly does: atomic rename of a new
	 * link.
	 */
	void pointLatestAt(String id) throws IOException {
		Path link = publish().resolve("latest.new");
		Files.createSymbolicLink(link, Path.of("releases", id));
		Files.move(link, publish().resolve("latest"), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	private void release(String id, int seed) throws IOException, SQLException {
		Path release = Files.createDirectories(release(id));
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = duckdb.createStatement()) {
			statement.execute("COPY (SELECT range AS siret, 'commune ' || (range % 97) AS name FROM range(" + seed
					+ " * 5000)) TO '" + release.resolve("establishments.parquet") + "' (FORMAT parquet)");
		}
		StringBuilder csv = new StringBuilder("code,nom,population\n");
		for (int i = 0; i < 2000 * seed; i++) {
			csv.append(String.format("%05d,Commune n°%d,%d%n", i, i, i * 7));
		}
		Files.writeString(release.resolve("territories.csv"), csv, StandardCharsets.UTF_8);
		Files.writeString(release.resolve("manifest.json"), "{\"release\": \"" + id + "\", \"datasets\": []}\n");
		Files.writeString(release.resolve("datapackage.json"), "{\"name\": \"territoire\", \"resources\": []}\n");
		Files.writeString(release.resolve("catalog.jsonld"), "{\"@context\": \"https://www.w3.org/ns/dcat\"}\n");
		Files.writeString(release.resolve("index.html"),
				"<!DOCTYPE html><html lang=\"fr\"><title>Territoire " + id + "</title><p>Catalogue " + id + "</p>\n");
		Files.writeString(release.resolve("echarts.min.js"), "/* charts */ var echarts = {};\n");
		byte[] workbook = new byte[3000];
		new Random(seed).nextBytes(workbook);
		Files.write(release.resolve("territories.xlsx"), workbook);
		Files.writeString(release.resolve("SHA256SUMS"), "0123  territories.csv\n");
		byte[] large = new byte[24 << 20];
		new Random(seed).nextBytes(large);
		Files.write(release.resolve("large.parquet"), large);
		Path datasets = Files.createDirectories(release.resolve("datasets"));
		Files.writeString(datasets.resolve("territories.html"), "<p>territories</p>\n");
	}

	@Override
	public void close() throws IOException {
		try (Stream<Path> paths = Files.walk(this.home)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
