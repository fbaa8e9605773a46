package fr.territoire.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SampleNightly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code territoire serve} run from the packaged jar on the release of the samples'
 * nightly, as a user (or the browser test) starts it.
 */
class ServeIntegrationTests {

	private static final Pattern SERVING = Pattern.compile("Serving (.+) at http://127\\.0\\.0\\.1:(\\d+)/");

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void servesEveryPublishedFileWithItsChecksumAndStopsOnSigterm(@TempDir Path folder) throws Exception {
		Path latest = SampleNightly.release();
		Path home = latest.getParent().getParent();
		Path output = folder.resolve("stdout.txt");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-Dterritoire.project-dir=" + SampleExpectations.PROJECT, "-jar",
				System.getProperty("territoire.jar", "target/territoire.jar"), "--home", home.toString(), "serve",
				"--port", "0")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.redirectOutput(output.toFile())
			.start();
		try {
			String first = firstLine(output, process);
			Matcher serving = SERVING.matcher(first);
			assertThat(serving.matches()).as(first).isTrue();
			assertThat(Path.of(serving.group(1))).isEqualTo(home.resolve("publish"));
			String base = "http://127.0.0.1:" + serving.group(2);

			List<String> sums = Files.readAllLines(latest.resolve("SHA256SUMS"));
			assertThat(sums).isNotEmpty();
			for (String line : sums) {
				String expected = line.substring(0, 64);
				String file = line.substring(66);
				HttpResponse<byte[]> response = CLIENT.send(
						HttpRequest.newBuilder(URI.create(base + "/latest/" + file)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				assertThat(response.statusCode()).as(file).isEqualTo(200);
				assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body())))
					.as(file)
					.isEqualTo(expected);
				assertThat(response.headers().firstValue("Content-Length"))
					.hasValue(Long.toString(Files.size(latest.resolve(file))));
			}

			byte[] parquet = Files.readAllBytes(latest.resolve("establishments.parquet"));
			HttpResponse<byte[]> range = CLIENT
				.send(HttpRequest.newBuilder(URI.create(base + "/latest/establishments.parquet"))
					.header("Range", "bytes=0-99")
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(range.statusCode()).isEqualTo(206);
			assertThat(range.body()).isEqualTo(Arrays.copyOf(parquet, 100));

			String id = latest.toRealPath().getFileName().toString();
			HttpResponse<byte[]> release = CLIENT
				.send(HttpRequest.newBuilder(URI.create(base + "/releases/" + id + "/manifest.json"))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(release.headers().firstValue("Content-Length"))
				.hasValue(Long.toString(Files.size(latest.resolve("manifest.json"))));

			HttpResponse<String> listing = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/releases/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(listing.body()).contains("href=\"" + id + "/\"");

			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("serve ends on SIGTERM").isTrue();
			assertThat(process.exitValue()).isEqualTo(143);
			assertThat(Files.readAllLines(output)).as("standard output").containsExactly(first);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static String firstLine(Path output, Process process) throws IOException, InterruptedException {
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			String text = Files.readString(output);
			if (text.contains("\n")) {
				return text.substring(0, text.indexOf('\n'));
			}
			assertThat(process.isAlive()).as("serve is running; its output: " + text).isTrue();
			Thread.sleep(100);
		}
		throw new AssertionError("serve printed no line in 2 minutes");
	}

	@Test
	void aPortInUseIsAUsageError(@TempDir Path home) throws Exception {
		try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getByName("127.0.0.1"))) {
			var result = fr.territoire.support.Launcher.run("--home", home.toString(), "serve", "--port",
					Integer.toString(taken.getLocalPort()));
			assertThat(result.exitCode()).isEqualTo(2);
			assertThat(result.output()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
		}
	}

}
