package fr.territoire.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile of a territory of the samples' release, opened in headless Chromium through
 * {@code territoire serve} (issue 18, item 1): the key indicators equal the published
 * indicator files' rows (read here with commons-csv), the 10 neighbours are those of the
 * published peers file, the top sectors are recomputed from the published location
 * quotients, a secret value shows as « secret », and the catalogue's search finds the
 * commune by name and by code.
 */
class TerritoryProfileBrowserIntegrationTests {

	private static final String COMMUNE = "67124";

	/** The key indicators, in the order the profile shows them. */
	private static final List<String> KEY_INDICATORS = List.of("population_municipale", "population_change",
			"active_establishments", "establishment_density", "creation_rate", "closure_rate", "survival_3y",
			"employer_share", "partner_turnover");

	private static Path release;

	private static ServedHome server;

	private static List<CSVRecord> communeValues;

	@BeforeAll
	static void publishAndServe(@TempDir Path scratch) throws Exception {
		release = SampleNightly.release().toRealPath();
		server = ServedHome.start(release.getParent().getParent().getParent(), scratch);
		communeValues = csv(release.resolve("indicator_values_commune.csv"),
				(row) -> row.get("territory_code").equals(COMMUNE));
	}

	@AfterAll
	static void stopServing() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	private static String url(String page) {
		return server.url("releases/" + release.getFileName() + "/" + page);
	}

	@Test
	void theProfileOfACommuneShowsThePublishedValuesItsNeighboursAndItsTopSectors() throws Exception {
		try (HeadlessChromium chrome = HeadlessChromium.start()) {
			WebDriver driver = chrome.driver();
			open(driver, "commune", COMMUNE);
			assertThat(driver.findElement(By.id("territory-name")).getText()).isEqualTo("Entzheim");

			// key indicators: the latest period's total row of each, as published
			List<String> expectedIndicators = new ArrayList<>();
			for (String indicator : KEY_INDICATORS) {
				CSVRecord latest = latest(communeValues, indicator);
				if (latest != null) {
					expectedIndicators.add(indicator);
				}
			}
			List<WebElement> rows = driver.findElements(By.cssSelector("#indicators tr[data-indicator]"));
			assertThat(rows.stream().map((row) -> row.getDomAttribute("data-indicator")).toList())
				.isEqualTo(expectedIndicators);
			int compared = 0;
			for (WebElement row : rows) {
				CSVRecord expected = latest(communeValues, row.getDomAttribute("data-indicator"));
				String label = expected.get("indicator_id");
				assertThat(row.getDomAttribute("data-period")).as(label).isEqualTo(expected.get("period"));
				assertThat(row.findElement(By.cssSelector("td.value")).getDomAttribute("data-status")).as(label)
					.isEqualTo(expected.get("status"));
				assertCell(row, "value", expected.get("value"), label);
				assertCell(row, "rank", expected.get("rank_in_level"), label);
				assertCell(row, "percentile", expected.get("percentile_in_level"), label);
				assertCell(row, "parent", expected.get("epci_value"), label);
				assertCell(row, "france", expected.get("france_value"), label);
				assertCell(row, "peer-median", expected.get("peer_median"), label);
				if (!expected.get("value").isEmpty()) {
					compared++;
					// shown for French readers: digits grouped by spaces, decimal comma
					assertThat(frenchNumber(row.findElement(By.cssSelector("td.value")).getText())).as(label)
						.isEqualTo(Double.parseDouble(expected.get("value")));
				}
			}
			assertThat(compared).isGreaterThanOrEqualTo(6);
			assertThat(text(driver, "#indicators tr[data-indicator='population_municipale'] td.value"))
				.matches("2[\\s\u00a0\u202f]545");

			// the 10 nearest neighbours of the published peers file, in order, linking to
			// their profiles
			List<CSVRecord> peers = csv(release.resolve("territory_peers.csv"),
					(row) -> row.get("level").equals("commune") && row.get("territory_code").equals(COMMUNE));
			peers.sort(Comparator.comparingInt((CSVRecord row) -> Integer.parseInt(row.get("peer_order"))));
			List<WebElement> neighbours = driver.findElements(By.cssSelector("#neighbours a.neighbour"));
			assertThat(neighbours).hasSize(10);
			assertThat(neighbours.stream().map((link) -> link.getDomAttribute("data-code")).toList())
				.isEqualTo(peers.stream().map((row) -> row.get("peer_code")).toList());

			// top sectors: the five highest location quotients of the latest period, with
			// the establishments (the quotient's numerator)
			for (String kind : List.of("section", "division")) {
				List<CSVRecord> expected = topSectors(communeValues, "naf_" + kind + "_location_quotient");
				assertThat(expected).hasSize(5);
				List<WebElement> shown = driver
					.findElements(By.cssSelector("#sectors tr.sector[data-kind='" + kind + "']"));
				assertThat(shown.stream().map((row) -> row.getDomAttribute("data-code")).toList()).as(kind)
					.isEqualTo(expected.stream().map((row) -> row.get("dimension_code")).toList());
				for (int i = 0; i < shown.size(); i++) {
					assertCell(shown.get(i), "quotient", expected.get(i).get("value"), kind + " " + i);
					assertCell(shown.get(i), "establishments", expected.get(i).get("numerator"), kind + " " + i);
				}
			}

			// the chart of creations carries the published values year by year
			new WebDriverWait(driver, Duration.ofSeconds(20)).until((page) -> "true"
				.equals(page.findElement(By.id("chart-establishments")).getDomAttribute("data-drawn")));
			Object drawn = ((JavascriptExecutor) driver)
				.executeScript("var option = echarts.getInstanceByDom(document.getElementById('chart-establishments'))"
						+ ".getOption(); return [option.xAxis[0].data, option.series[1].data];");
			Map<String, Double> creations = new TreeMap<>();
			for (CSVRecord row : communeValues) {
				if (row.get("indicator_id").equals("creations") && row.get("dimension_code").equals("_T")) {
					creations.put(row.get("period"), Double.valueOf(row.get("value")));
				}
			}
			assertThat(creations).hasSizeGreaterThan(5);
			List<?> axes = (List<?>) drawn;
			assertThat(axes.get(0)).isEqualTo(new ArrayList<>(creations.keySet()));
			assertThat(((List<?>) axes.get(1)).stream().map((value) -> ((Number) value).doubleValue()).toList())
				.isEqualTo(new ArrayList<>(creations.values()));

			// a neighbour's link opens its profile
			String firstPeer = peers.get(0).get("peer_code");
			neighbours.get(0).click();
			waitFor(driver, "commune", firstPeer);
			assertThat(driver.findElement(By.id("territory-name")).getText()).isEqualTo(name("commune", firstPeer));

			// printed: no search box, no navigation
			((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
			assertThat(driver.findElement(By.cssSelector("form.territory-search")).isDisplayed()).isFalse();
			((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
			assertThat(driver.findElement(By.cssSelector("form.territory-search")).isDisplayed()).isTrue();
		}
	}

	@Test
	void aSecretValueIsShownAsSecretNeverAsANumber() throws Exception {
		// an EPCI whose latest partner turnover is secret in the published file
		Map<String, CSVRecord> latestTurnover = new TreeMap<>();
		for (CSVRecord row : csv(release.resolve("indicator_values_epci.csv"),
				(row) -> row.get("indicator_id").equals("partner_turnover")
						&& row.get("dimension_code").equals("_T"))) {
			latestTurnover.merge(row.get("territory_code"), row,
					(a, b) -> (a.get("period").compareTo(b.get("period")) >= 0) ? a : b);
		}
		CSVRecord secret = latestTurnover.values()
			.stream()
			.filter((row) -> row.get("status").startsWith("secret"))
			.findFirst()
			.orElseThrow();
		assertThat(secret.get("value")).isEmpty();
		try (HeadlessChromium chrome = HeadlessChromium.start()) {
			WebDriver driver = chrome.driver();
			open(driver, "epci", secret.get("territory_code"));
			WebElement row = driver.findElement(By.cssSelector("#indicators tr[data-indicator='partner_turnover']"));
			assertThat(row.getDomAttribute("data-period")).isEqualTo(secret.get("period"));
			WebElement value = row.findElement(By.cssSelector("td.value"));
			assertThat(value.getText()).isEqualTo("secret");
			assertThat(value.getDomAttribute("data-status")).isEqualTo(secret.get("status"));
			assertThat(value.getDomAttribute("data-value")).isEmpty();
			for (WebElement cell : row.findElements(By.cssSelector("td.n"))) {
				assertThat(cell.getText()).as(cell.getDomAttribute("class")).doesNotContainPattern("[0-9]");
			}
			// an EPCI's parent column is its département
			assertThat(driver.findElements(By.cssSelector("#indicators thead th")).get(5).getText())
				.isEqualTo("Département");
			// the figure rests on a partner's data: the partner is named beside it, and
			// only there
			List<CSVRecord> contributions = csv(release.resolve("partner_contributions.csv"),
					(contribution) -> contribution.get("indicator_id").equals("partner_turnover"));
			assertThat(contributions).hasSize(1);
			assertThat(row.findElement(By.cssSelector("span.contributors")).getText())
				.isEqualTo("— données : " + contributions.get(0).get("partner_name"));
			assertThat(driver.findElements(By.cssSelector("#indicators span.contributors"))).hasSize(1);
		}
	}

	@Test
	void theCatalogueSearchFindsTheCommuneByNameAndByCode() throws Exception {
		try (HeadlessChromium chrome = HeadlessChromium.start()) {
			WebDriver driver = chrome.driver();
			driver.get(url("index.html"));
			WebElement query = driver.findElement(By.id("territory-query"));
			for (String typed : List.of("entzheim", COMMUNE)) {
				query.clear();
				query.sendKeys(typed);
				WebElement first = new WebDriverWait(driver, Duration.ofSeconds(20))
					.until((page) -> page.findElements(By.cssSelector("#profiles a.result"))
						.stream()
						.findFirst()
						.orElse(null));
				assertThat(first.getDomAttribute("data-code")).as(typed).isEqualTo(COMMUNE);
				assertThat(first.getDomAttribute("data-level")).as(typed).isEqualTo("commune");
				assertThat(first.getText()).as(typed).startsWith("Entzheim (commune, 67124");
			}
			driver.findElement(By.cssSelector("#profiles a.result")).click();
			waitFor(driver, "commune", COMMUNE);
			assertThat(driver.findElement(By.id("territory-name")).getText()).isEqualTo("Entzheim");
		}
	}

	private static void open(WebDriver driver, String level, String code) {
		driver.get(url("profile.html#" + level + "/" + code));
		waitFor(driver, level, code);
	}

	private static void waitFor(WebDriver driver, String level, String code) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).until((page) -> {
			WebElement profile = page.findElement(By.id("profile"));
			return "true".equals(profile.getDomAttribute("data-loaded"))
					&& code.equals(profile.getDomAttribute("data-code"))
					&& level.equals(profile.getDomAttribute("data-level"));
		});
	}

	/** A cell's raw value equals the published one (both empty, or the same number). */
	private static void assertCell(WebElement row, String cell, String published, String what) {
		String shown = row.findElement(By.cssSelector("td." + cell)).getDomAttribute("data-value");
		if (published.isEmpty()) {
			assertThat(shown).as(what + " " + cell).isEmpty();
		}
		else {
			assertThat(Double.parseDouble(shown)).as(what + " " + cell).isEqualTo(Double.parseDouble(published));
		}
	}

	/** A number as shown to French readers, read back. */
	private static double frenchNumber(String text) {
		return Double.parseDouble(text.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
	}

	private static String text(WebDriver driver, String selector) {
		return driver.findElement(By.cssSelector(selector)).getText();
	}

	/** The total row of an indicator's latest period, null if it has none. */
	private static CSVRecord latest(List<CSVRecord> rows, String indicator) {
		return rows.stream()
			.filter((row) -> row.get("indicator_id").equals(indicator) && row.get("dimension_code").equals("_T"))
			.max(Comparator.comparing((CSVRecord row) -> row.get("period")))
			.orElse(null);
	}

	/** The five highest quotients of the latest period (status ok), ties by code. */
	private static List<CSVRecord> topSectors(List<CSVRecord> rows, String indicator) {
		List<CSVRecord> quotients = rows.stream()
			.filter((row) -> row.get("indicator_id").equals(indicator) && row.get("status").equals("ok"))
			.toList();
		String period = quotients.stream().map((row) -> row.get("period")).max(String::compareTo).orElseThrow();
		return quotients.stream()
			.filter((row) -> row.get("period").equals(period))
			.sorted(Comparator.comparingDouble((CSVRecord row) -> -Double.parseDouble(row.get("value")))
				.thenComparing((row) -> row.get("dimension_code")))
			.limit(5)
			.toList();
	}

	private static String name(String level, String code) throws IOException {
		return csv(release.resolve("territories.csv"),
				(row) -> row.get("level").equals(level) && row.get("code").equals(code))
			.get(0)
			.get("name");
	}

	private static List<CSVRecord> csv(Path file, Predicate<CSVRecord> keep) throws IOException {
		List<CSVRecord> kept = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				if (keep.test(record)) {
					kept.add(record);
				}
			}
		}
		return kept;
	}

}
