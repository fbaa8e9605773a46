package fr.territoire.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP behaviour of {@code territoire serve}, one test per behaviour, against the
 * server started in this JVM on a publish folder the test writes itself.
 */
class ServeConformanceTests {

	private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static PublishFixture fixture;

	private static DownloadServer server;

	@BeforeAll
	static void start() throws IOException, SQLException {
		fixture = PublishFixture.create();
		server = DownloadServer.start(new ServeSettings(fixture.publish(), "127.0.0.1", 0));
	}

	@AfterAll
	static void stop() throws IOException {
		server.close();
		fixture.close();
	}

	// --- Content-Type

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			establishments.parquet | application/vnd.apache.parquet
			territories.csv        | text/csv;charset=utf-8
			manifest.json          | application/json
			catalog.jsonld         | application/ld+json
			index.html             | text/html;charset=utf-8
			echarts.min.js         | text/javascript;charset=utf-8
			territories.xlsx       | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
			SHA256SUMS             | text/plain;charset=utf-8
			""")
	void eachPublishedFileHasItsContentType(String file, String contentType) throws Exception {
		HttpResponse<byte[]> response = get("/releases/" + PublishFixture.B + "/" + file, Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Content-Type").replace(" ", "")).isEqualTo(contentType);
	}

	// --- HEAD and the headers of a full response

	@Test
	void getCarriesTheExactContentLength() throws Exception {
		Path file = fixture.release(PublishFixture.B).resolve("establishments.parquet");
		HttpResponse<byte[]> response = get("/releases/" + PublishFixture.B + "/establishments.parquet", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(Files.readAllBytes(file));
		assertThat(header(response, "Content-Length")).isEqualTo(Long.toString(Files.size(file)));
	}

	@Test
	void getCarriesAStrongEtag() throws Exception {
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of());
		assertThat(header(response, "ETag")).matches("\"[^\"]+\"");
		assertThat(header(get("/latest/territories.csv", Map.of()), "ETag")).isNotEqualTo(header(response, "ETag"));
	}

	@Test
	void getCarriesTheLastModifiedDate() throws Exception {
		Path file = fixture.release(PublishFixture.B).resolve("establishments.parquet");
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of());
		assertThat(header(response, "Last-Modified"))
			.isEqualTo(IMF_FIXDATE.format(Files.getLastModifiedTime(file).toInstant()));
	}

	@Test
	void getAnnouncesByteRanges() throws Exception {
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of());
		assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "establishments.parquet", "territories.csv", "index.html", "catalog.jsonld" })
	void headAnswersTheHeadersOfGetWithoutBody(String file) throws Exception {
		for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Accept-Encoding", "gzip"))) {
			String path = "/latest/" + file;
			HttpResponse<byte[]> get = get(path, headers);
			HttpResponse<byte[]> head = send(path, "HEAD", headers);
			assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
			assertThat(head.body()).isEmpty();
			Map<String, List<String>> getHeaders = new java.util.TreeMap<>(get.headers().map());
			Map<String, List<String>> headHeaders = new java.util.TreeMap<>(head.headers().map());
			getHeaders.remove("date");
			headHeaders.remove("date");
			assertThat(headHeaders).isEqualTo(getHeaders);
			assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
		}
	}

	@Test
	void theEtagIsTheSameAfterARestartAndThroughLatest() throws Exception {
		String before = header(head("/releases/" + PublishFixture.B + "/territories.csv"), "ETag");
		try (DownloadServer other = DownloadServer.start(new ServeSettings(fixture.publish(), "127.0.0.1", 0))) {
			HttpResponse<byte[]> again = CLIENT
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/latest/territories.csv"))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(header(again, "ETag")).isEqualTo(before);
		}
		assertThat(header(head("/releases/" + PublishFixture.A + "/territories.csv"), "ETag")).isNotEqualTo(before);
	}

	// --- Range

	@Test
	void aRangeForBytes0To99OfAParquetFileReturnsExactlyThoseBytes() throws Exception {
		Path file = fixture.release(PublishFixture.B).resolve("establishments.parquet");
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of("Range", "bytes=0-99"));
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(file), 0, 100));
		assertThat(header(response, "Content-Length")).isEqualTo("100");
		assertThat(header(response, "Content-Range")).isEqualTo("bytes 0-99/" + Files.size(file));
		assertThat(new String(response.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
	}

	@Test
	void anOpenRangeReturnsTheRestOfTheFile() throws Exception {
		byte[] bytes = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("establishments.parquet"));
		int from = bytes.length - 1000;
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of("Range", "bytes=" + from + "-"));
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(bytes, from, bytes.length));
		assertThat(header(response, "Content-Range"))
			.isEqualTo("bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
	}

	@Test
	void aSuffixRangeReturnsTheLastBytesAsDuckDbReadsAParquetFooter() throws Exception {
		byte[] bytes = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("establishments.parquet"));
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of("Range", "bytes=-8"));
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length));
		assertThat(new String(response.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
		assertThat(header(response, "Content-Range"))
			.isEqualTo("bytes " + (bytes.length - 8) + "-" + (bytes.length - 1) + "/" + bytes.length);
	}

	@Test
	void aRangeReachingPastTheEndIsCutAtTheEnd() throws Exception {
		byte[] bytes = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("manifest.json"));
		HttpResponse<byte[]> longSuffix = get("/latest/manifest.json", Map.of("Range", "bytes=-100000"));
		assertThat(longSuffix.statusCode()).isEqualTo(206);
		assertThat(longSuffix.body()).isEqualTo(bytes);
		assertThat(header(longSuffix, "Content-Range")).isEqualTo("bytes 0-" + (bytes.length - 1) + "/" + bytes.length);
		HttpResponse<byte[]> longEnd = get("/latest/manifest.json", Map.of("Range", "bytes=10-100000"));
		assertThat(longEnd.statusCode()).isEqualTo(206);
		assertThat(longEnd.body()).isEqualTo(Arrays.copyOfRange(bytes, 10, bytes.length));
	}

	@Test
	void anUnsatisfiableRangeIs416WithTheSize() throws Exception {
		long size = Files.size(fixture.release(PublishFixture.B).resolve("establishments.parquet"));
		HttpResponse<byte[]> response = get("/latest/establishments.parquet",
				Map.of("Range", "bytes=" + size + "-" + (size + 10)));
		assertThat(response.statusCode()).isEqualTo(416);
		assertThat(header(response, "Content-Range")).isEqualTo("bytes */" + size);
		HttpResponse<byte[]> openPastTheEnd = get("/latest/establishments.parquet",
				Map.of("Range", "bytes=" + size + "-"));
		assertThat(openPastTheEnd.statusCode()).isEqualTo(416);
		assertThat(header(openPastTheEnd, "Content-Range")).isEqualTo("bytes */" + size);
		HttpResponse<byte[]> emptySuffix = get("/latest/establishments.parquet", Map.of("Range", "bytes=-0"));
		assertThat(emptySuffix.statusCode()).isEqualTo(416);
	}

	@Test
	void severalRangesAreAnswered200WithTheWholeFile() throws Exception {
		byte[] bytes = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("establishments.parquet"));
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of("Range", "bytes=0-9,20-29"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(bytes);
		assertThat(response.headers().firstValue("Content-Range")).isEmpty();
	}

	@Test
	void aRangeThatIsNotBytesIsIgnored() throws Exception {
		byte[] bytes = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("manifest.json"));
		for (String range : List.of("lines=0-9", "bytes=9-2", "bytes=a-b")) {
			HttpResponse<byte[]> response = get("/latest/manifest.json", Map.of("Range", range));
			assertThat(response.statusCode()).as(range).isEqualTo(200);
			assertThat(response.body()).as(range).isEqualTo(bytes);
		}
	}

	// --- Conditional requests

	@Test
	void ifNoneMatchWithTheEtagIs304WithoutBody() throws Exception {
		String etag = header(head("/latest/establishments.parquet"), "ETag");
		HttpResponse<byte[]> response = get("/latest/establishments.parquet", Map.of("If-None-Match", etag));
		assertThat(response.statusCode()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
		assertThat(header(response, "ETag")).isEqualTo(etag);
		HttpResponse<byte[]> listed = get("/latest/establishments.parquet",
				Map.of("If-None-Match", "\"other\", " + etag));
		assertThat(listed.statusCode()).isEqualTo(304);
		HttpResponse<byte[]> other = get("/latest/establishments.parquet", Map.of("If-None-Match", "\"other\""));
		assertThat(other.statusCode()).isEqualTo(200);
	}

	@Test
	void ifModifiedSinceTheLastModificationIs304AndEarlierIs200() throws Exception {
		Path file = fixture.release(PublishFixture.B).resolve("manifest.json");
		java.time.Instant modified = Files.getLastModifiedTime(file).toInstant();
		HttpResponse<byte[]> same = get("/latest/manifest.json",
				Map.of("If-Modified-Since", IMF_FIXDATE.format(modified)));
		assertThat(same.statusCode()).isEqualTo(304);
		assertThat(same.body()).isEmpty();
		HttpResponse<byte[]> earlier = get("/latest/manifest.json",
				Map.of("If-Modified-Since", IMF_FIXDATE.format(modified.minusSeconds(3600))));
		assertThat(earlier.statusCode()).isEqualTo(200);
		assertThat(earlier.body()).isEqualTo(Files.readAllBytes(file));
	}

	@Test
	void ifNoneMatchIsDecisiveOverIfModifiedSince() throws Exception {
		Path file = fixture.release(PublishFixture.B).resolve("manifest.json");
		HttpResponse<byte[]> response = get("/latest/manifest.json", Map.of("If-None-Match", "\"other\"",
				"If-Modified-Since", IMF_FIXDATE.format(Files.getLastModifiedTime(file).toInstant())));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void ifRangeWithTheEtagGivesThePartAndWithAnotherOrAWeakOneTheWholeFile() throws Exception {
		byte[] bytes = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("establishments.parquet"));
		String etag = header(head("/latest/establishments.parquet"), "ETag");
		HttpResponse<byte[]> part = get("/latest/establishments.parquet",
				Map.of("Range", "bytes=0-99", "If-Range", etag));
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).isEqualTo(Arrays.copyOf(bytes, 100));
		for (String stale : List.of("\"other\"", "W/" + etag)) {
			HttpResponse<byte[]> whole = get("/latest/establishments.parquet",
					Map.of("Range", "bytes=0-99", "If-Range", stale));
			assertThat(whole.statusCode()).as(stale).isEqualTo(200);
			assertThat(whole.body()).isEqualTo(bytes);
		}
	}

	@Test
	void ifRangeWithTheDateGivesThePartAndWithAnotherDateTheWholeFile() throws Exception {
		Path file = fixture.release(PublishFixture.B).resolve("establishments.parquet");
		byte[] bytes = Files.readAllBytes(file);
		java.time.Instant modified = Files.getLastModifiedTime(file).toInstant();
		HttpResponse<byte[]> part = get("/latest/establishments.parquet",
				Map.of("Range", "bytes=0-99", "If-Range", IMF_FIXDATE.format(modified)));
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).isEqualTo(Arrays.copyOf(bytes, 100));
		HttpResponse<byte[]> whole = get("/latest/establishments.parquet",
				Map.of("Range", "bytes=0-99", "If-Range", IMF_FIXDATE.format(modified.minusSeconds(60))));
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(bytes);
	}

	// --- gzip

	@ParameterizedTest
	@ValueSource(strings = { "territories.csv", "manifest.json", "catalog.jsonld", "index.html" })
	void textIsGzippedWhenAskedWithItsOwnLengthAndEtag(String file) throws Exception {
		byte[] bytes = Files.readAllBytes(fixture.release(PublishFixture.B).resolve(file));
		HttpResponse<byte[]> response = get("/latest/" + file, Map.of("Accept-Encoding", "br, gzip;q=0.8"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Content-Encoding")).isEqualTo("gzip");
		assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
		assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
		try (InputStream gunzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			assertThat(gunzipped.readAllBytes()).isEqualTo(bytes);
		}
		String identityEtag = header(get("/latest/" + file, Map.of()), "ETag");
		assertThat(header(response, "ETag")).startsWith("\"").isNotEqualTo(identityEtag);
	}

	@Test
	void textIsNotGzippedUnlessAskedOrWhenRefused() throws Exception {
		byte[] csv = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("territories.csv"));
		HttpResponse<byte[]> unasked = get("/latest/territories.csv", Map.of());
		assertThat(unasked.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(unasked.body()).isEqualTo(csv);
		assertThat(header(unasked, "Vary")).isEqualTo("Accept-Encoding");
		HttpResponse<byte[]> refused = get("/latest/territories.csv", Map.of("Accept-Encoding", "gzip;q=0, *"));
		assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(refused.body()).isEqualTo(csv);
	}

	@Test
	void parquetIsNeverGzipped() throws Exception {
		HttpResponse<byte[]> parquet = get("/latest/establishments.parquet", Map.of("Accept-Encoding", "gzip"));
		assertThat(parquet.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(parquet.headers().firstValue("Vary")).isEmpty();
	}

	@Test
	void aRangeOfTextIsNeverGzipped() throws Exception {
		byte[] csv = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("territories.csv"));
		HttpResponse<byte[]> range = get("/latest/territories.csv",
				Map.of("Accept-Encoding", "gzip", "Range", "bytes=0-19"));
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(range.body()).isEqualTo(Arrays.copyOf(csv, 20));
	}

	@Test
	void theEtagOfTheGzipBodyAlsoAnswers304() throws Exception {
		String gzipEtag = header(get("/latest/territories.csv", Map.of("Accept-Encoding", "gzip")), "ETag");
		HttpResponse<byte[]> response = get("/latest/territories.csv",
				Map.of("Accept-Encoding", "gzip", "If-None-Match", gzipEtag));
		assertThat(response.statusCode()).isEqualTo(304);
		assertThat(header(response, "ETag")).isEqualTo(gzipEtag);
	}

	// --- Path traversal and what is not served

	@ParameterizedTest
	@ValueSource(strings = { "/../", "/%2e%2e/", "/../outside/secret.txt", "/%2e%2e/outside/secret.txt",
			"/latest/../../outside/secret.txt", "/latest/%2e%2e/%2e%2e/outside/secret.txt",
			"/latest/%2E%2E%2F%2E%2E%2Foutside%2Fsecret.txt", "/latest/..%2f..%2foutside/secret.txt",
			"/latest/%252e%252e/%252e%252e/outside/secret.txt", "/latest/..%5c..%5coutside%5csecret.txt",
			"/latest/..\\..\\outside\\secret.txt", "/latest/%c0%ae%c0%ae/%c0%ae%c0%ae/outside/secret.txt",
			"/releases/./../../outside/secret.txt", "/latest/escape.txt", "/latest/escape-folder/secret.txt",
			"/latest/escape-folder/", "/releases/.partial-2026-11-24-3/establishments.csv",
			"/releases/%2epartial-2026-11-24-3/establishments.csv", "/latest/to-partial/establishments.csv",
			"/latest.new/", "/outside/secret.txt" })
	void requestsLeadingOutOfTheReleasesAreRefused(String target) throws Exception {
		String response = RawHttp.get(server.port(), target);
		assertThat(RawHttp.status(response)).as(target).isIn(400, 404);
		assertThat(response).as(target).doesNotContain(PublishFixture.SECRET);
	}

	@Test
	void aPathWithDotsInsideTheReleasesIsRefusedToo() throws Exception {
		String response = RawHttp.get(server.port(), "/releases/../latest/manifest.json");
		assertThat(RawHttp.status(response)).isIn(400, 404);
	}

	// --- Folders, the root and methods

	@Test
	void theReleasesFolderListsTheReleasesButNotThePartialOne() throws Exception {
		HttpResponse<byte[]> response = get("/releases/", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Content-Type").replace(" ", "")).isEqualTo("text/html;charset=utf-8");
		String page = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(page).contains("href=\"" + PublishFixture.A + "/\"", "href=\"" + PublishFixture.B + "/\"")
			.doesNotContain(".partial");
	}

	@Test
	void aFolderWithoutSlashIsRedirectedAndWithSlashServesItsIndex() throws Exception {
		HttpResponse<byte[]> redirect = get("/releases/" + PublishFixture.A, Map.of());
		assertThat(redirect.statusCode()).isEqualTo(301);
		assertThat(header(redirect, "Location")).endsWith("/releases/" + PublishFixture.A + "/");
		HttpResponse<byte[]> index = get("/releases/" + PublishFixture.A + "/", Map.of());
		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.body()).isEqualTo(Files.readAllBytes(fixture.release(PublishFixture.A).resolve("index.html")));
	}

	@Test
	void aFolderWithoutIndexIsListed() throws Exception {
		HttpResponse<byte[]> response = get("/latest/datasets/", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("href=\"territories.html\"");
	}

	@Test
	void theRootRedirectsToTheLatestCatalogue() throws Exception {
		HttpResponse<byte[]> response = get("/", Map.of());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(header(response, "Location")).endsWith("/latest/");
		HttpResponse<byte[]> followed = get("/latest/", Map.of());
		assertThat(followed.body())
			.isEqualTo(Files.readAllBytes(fixture.release(PublishFixture.B).resolve("index.html")));
	}

	@Test
	void theRootListsTheReleasesWhenThereIsNoCatalogue() throws Exception {
		Path home = Files.createTempDirectory("territoire-serve-bare");
		Path release = Files.createDirectories(home.resolve("publish/releases/2026-11-20-1"));
		Files.writeString(release.resolve("manifest.json"), "{}");
		try (DownloadServer bare = DownloadServer.start(new ServeSettings(home.resolve("publish"), "127.0.0.1", 0))) {
			HttpResponse<String> response = CLIENT.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("href=\"releases/2026-11-20-1/\"");
		}
		finally {
			Files.delete(release.resolve("manifest.json"));
			Files.delete(release);
			Files.delete(release.getParent());
			Files.delete(release.getParent().getParent());
			Files.delete(home);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
	void otherMethodsAre405(String method) throws Exception {
		HttpResponse<byte[]> response = send("/latest/manifest.json", method, Map.of());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
	}

	// --- latest switched while downloading

	@Test
	void aDownloadStartedOnOneReleaseFinishesOnItWhileLatestSwitches() throws Exception {
		byte[] expected = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("large.parquet"));
		byte[] other = Files.readAllBytes(fixture.release(PublishFixture.A).resolve("large.parquet"));
		assertThat(other).hasSameSizeAs(expected).isNotEqualTo(expected);
		HttpResponse<InputStream> download = CLIENT.send(request("/latest/large.parquet", "GET", Map.of()),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = download.body()) {
			byte[] start = body.readNBytes(1 << 20);
			fixture.pointLatestAt(PublishFixture.A);
			assertThat(get("/latest/large.parquet", Map.of("Range", "bytes=0-99")).body())
				.isEqualTo(Arrays.copyOf(other, 100));
			byte[] rest = body.readAllBytes();
			byte[] received = new byte[start.length + rest.length];
			System.arraycopy(start, 0, received, 0, start.length);
			System.arraycopy(rest, 0, received, start.length, rest.length);
			assertThat(received).isEqualTo(expected);
		}
		finally {
			fixture.pointLatestAt(PublishFixture.B);
		}
	}

	@Test
	void aDownloadFinishesWhenItsReleaseIsDeletedMeanwhile() throws Exception {
		byte[] expected = Files.readAllBytes(fixture.release(PublishFixture.A).resolve("large.parquet"));
		Path doomed = Files.createDirectories(fixture.release("2026-11-21-9"));
		Files.write(doomed.resolve("large.parquet"), expected);
		fixture.pointLatestAt("2026-11-21-9");
		try {
			HttpResponse<InputStream> download = CLIENT.send(request("/latest/large.parquet", "GET", Map.of()),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = download.body()) {
				byte[] start = body.readNBytes(1 << 20);
				fixture.pointLatestAt(PublishFixture.B);
				Files.delete(doomed.resolve("large.parquet"));
				Files.delete(doomed);
				byte[] rest = body.readAllBytes();
				byte[] received = new byte[start.length + rest.length];
				System.arraycopy(start, 0, received, 0, start.length);
				System.arraycopy(rest, 0, received, start.length, rest.length);
				assertThat(received).isEqualTo(expected);
			}
		}
		finally {
			fixture.pointLatestAt(PublishFixture.B);
		}
	}

	// --- graceful stop

	@Test
	void aStopLetsTheDownloadUnderWayFinishAndRefusesNewConnections() throws Exception {
		byte[] expected = Files.readAllBytes(fixture.release(PublishFixture.B).resolve("large.parquet"));
		DownloadServer stopping = DownloadServer.start(new ServeSettings(fixture.publish(), "127.0.0.1", 0));
		URI uri = URI.create("http://127.0.0.1:" + stopping.port() + "/latest/large.parquet");
		HttpResponse<InputStream> download = CLIENT.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		Thread stopper = new Thread(stopping::close);
		try (InputStream body = download.body()) {
			byte[] start = body.readNBytes(1 << 20);
			stopper.start();
			boolean refused = false;
			for (int attempt = 0; attempt < 100 && !refused; attempt++) {
				try (java.net.Socket probe = new java.net.Socket("127.0.0.1", stopping.port())) {
					Thread.sleep(50);
				}
				catch (java.net.ConnectException ex) {
					refused = true;
				}
			}
			assertThat(refused).as("new connections refused while stopping").isTrue();
			assertThat(stopper.isAlive()).as("the stop waits for the download").isTrue();
			byte[] rest = body.readAllBytes();
			byte[] received = new byte[start.length + rest.length];
			System.arraycopy(start, 0, received, 0, start.length);
			System.arraycopy(rest, 0, received, start.length, rest.length);
			assertThat(received).isEqualTo(expected);
		}
		stopper.join(10_000);
		assertThat(stopper.isAlive()).as("the stop ends once the download is done").isFalse();
	}

	// --- helpers

	private static HttpRequest request(String path, String method, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(builder::header);
		return builder.build();
	}

	private static HttpResponse<byte[]> send(String path, String method, Map<String, String> headers)
			throws IOException, InterruptedException {
		return CLIENT.send(request(path, method, headers), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static HttpResponse<byte[]> get(String path, Map<String, String> headers)
			throws IOException, InterruptedException {
		return send(path, "GET", headers);
	}

	private static HttpResponse<byte[]> head(String path) throws IOException, InterruptedException {
		return send(path, "HEAD", Map.of());
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers()
			.firstValue(name)
			.orElseThrow(() -> new AssertionError("no " + name + " header in " + response.headers().map()));
	}

}
