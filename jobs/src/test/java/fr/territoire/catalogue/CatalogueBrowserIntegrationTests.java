package fr.territoire.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.territoire.support.HeadlessChromium;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.ServedHome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of the samples' release opened in a real headless Chromium (issue 14,
 * item 6): the datasets listed are the data package's resources, the charts are drawn by
 * ECharts with the values of the published files, a dataset page opens from its link with
 * 100 preview rows, and a downloaded file has the SHA-256 the page shows. The page is
 * opened through {@code territoire serve}, as users reach it.
 */
class CatalogueBrowserIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Path release;

	private static ServedHome server;

	@BeforeAll
	static void publishAndServe(@TempDir Path scratch) throws Exception {
		release = SampleNightly.release().toRealPath();
		server = ServedHome.start(release.getParent().getParent().getParent(), scratch);
	}

	@AfterAll
	static void stopServing() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	/** The address of the catalogue page, served by {@code territoire serve}. */
	private static String catalogueUrl() {
		return server.url("releases/" + release.getFileName() + "/index.html");
	}

	@Test
	void theCatalogueListsTheDatasetsDrawsItsChartsAndLeadsToPagesAndDownloadsWithTheirChecksums() throws Exception {
		JsonNode dataPackage = JSON.readTree(release.resolve("datapackage.json").toFile());
		try (HeadlessChromium chrome = HeadlessChromium.start()) {
			WebDriver driver = chrome.driver();
			driver.get(catalogueUrl());

			// every resource of the data package is listed, with its rows, and nothing
			// else
			Map<String, String> datasetOfFile = new TreeMap<>();
			Map<String, Long> rowsOfDataset = new LinkedHashMap<>();
			for (WebElement dataset : driver.findElements(By.cssSelector("article.dataset"))) {
				String name = dataset.getDomAttribute("data-dataset");
				rowsOfDataset.put(name,
						Long.parseLong(dataset.findElement(By.cssSelector(".rows")).getDomAttribute("data-value")));
				for (WebElement link : dataset.findElements(By.cssSelector("a.download"))) {
					datasetOfFile.put(link.getDomAttribute("href"), name);
				}
			}
			Map<String, Long> rowsOfResource = new TreeMap<>();
			for (JsonNode resource : dataPackage.get("resources")) {
				rowsOfResource.put(resource.get("path").asString(), resource.path("rows").asLong(-1));
			}
			assertThat(datasetOfFile.keySet()).isEqualTo(rowsOfResource.keySet());
			rowsOfResource.forEach((path, rows) -> {
				if (rows >= 0) {
					assertThat(rowsOfDataset.get(datasetOfFile.get(path))).as(path).isEqualTo(rows);
				}
			});

			// the charts are drawn: a canvas of non-zero size in each, and the line of
			// creations carries the published France values year by year
			List<WebElement> charts = driver.findElements(By.cssSelector("div.chart"));
			assertThat(charts).isNotEmpty();
			new WebDriverWait(driver, Duration.ofSeconds(20)).until(
					(page) -> charts.stream().allMatch((chart) -> "true".equals(chart.getDomAttribute("data-drawn"))));
			for (WebElement chart : charts) {
				WebElement canvas = chart.findElement(By.tagName("canvas"));
				assertThat(canvas.getSize().getWidth()).as(chart.getDomAttribute("id")).isPositive();
				assertThat(canvas.getSize().getHeight()).as(chart.getDomAttribute("id")).isPositive();
			}
			Object drawn = ((JavascriptExecutor) driver).executeScript(
					"var option = echarts.getInstanceByDom(document.getElementById('chart-2_creations_by_year'))"
							+ ".getOption(); return [option.xAxis[0].data, option.series[0].data];");
			Map<String, Double> creations = creationsInFrance();
			assertThat(creations).isNotEmpty();
			List<?> axes = (List<?>) drawn;
			assertThat(axes.get(0)).isEqualTo(new ArrayList<>(creations.keySet()));
			assertThat(((List<?>) axes.get(1)).stream().map((value) -> ((Number) value).doubleValue()).toList())
				.isEqualTo(new ArrayList<>(creations.values()));

			// a dataset page opens from its link and shows the first 100 rows of the file
			driver.findElement(By.cssSelector("article[data-dataset='establishments'] a.dataset-page")).click();
			new WebDriverWait(driver, Duration.ofSeconds(20))
				.until((page) -> page.getCurrentUrl().endsWith("datasets/establishments.html"));
			List<String> header = new ArrayList<>();
			driver.findElements(By.cssSelector("#preview thead th")).forEach((cell) -> header.add(cell.getText()));
			List<CSVRecord> published = csv(release.resolve("establishments.csv"));
			assertThat(published).hasSizeGreaterThan(100);
			assertThat(header).isEqualTo(published.get(0).getParser().getHeaderNames());
			List<WebElement> rows = driver.findElements(By.cssSelector("#preview tbody tr"));
			assertThat(rows).hasSize(100);
			List<String> sirets = new ArrayList<>();
			for (WebElement row : rows) {
				sirets.add(row.findElement(By.cssSelector("td")).getText());
			}
			assertThat(sirets)
				.isEqualTo(published.subList(0, 100).stream().map((record) -> record.get("siret")).toList());

			// a download link fetches the file with the checksum the page shows
			Set<String> formats = new HashSet<>();
			for (WebElement row : driver.findElements(By.cssSelector("table.files tbody tr"))) {
				WebElement link = row.findElement(By.cssSelector("a.download"));
				String shown = row.findElement(By.cssSelector("code.sha256")).getText();
				assertThat(sha256(link.getAttribute("href"))).as(link.getText()).isEqualTo(shown);
				formats.add(row.findElement(By.cssSelector("td")).getText());
			}
			assertThat(formats).contains("PARQUET", "CSV");
		}
	}

	/** France's creations by year, read from the published CSV. */
	private static Map<String, Double> creationsInFrance() throws IOException {
		Map<String, Double> creations = new TreeMap<>();
		for (CSVRecord record : csv(release.resolve("indicator_values_france.csv"))) {
			if (record.get("indicator_id").equals("creations") && record.get("dimension_code").equals("_T")
					&& record.get("status").equals("ok")) {
				creations.put(record.get("period"), Double.valueOf(record.get("value")));
			}
		}
		return creations;
	}

	private static List<CSVRecord> csv(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	/** The SHA-256 of what an address serves (a file or an HTTP URL), in hexadecimal. */
	private static String sha256(String address) throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = URI.create(address).toURL().openStream()) {
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return java.util.HexFormat.of().formatHex(digest.digest());
	}

}
