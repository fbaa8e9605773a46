package fr.territoire.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.config.Definition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of a small release written here: a data package with optional fields
 * missing and a dataset left out, one chart and one glossary group of our own; the pages
 * say what is there, what is absent, and can be written again.
 */
class CataloguePageTests {

	@TempDir
	Path release;

	@Test
	void thePagesShowTheDatasetsTheAbsentOnesTheChartAndTheGlossaryAndAreWrittenAgainTheSame() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("COPY (SELECT 'C' || lpad(CAST(i AS VARCHAR), 3, '0') AS code, i % 3 AS kind "
					+ "FROM range(250) t(i)) TO '" + this.release.resolve("things.parquet") + "' (FORMAT parquet)");
		}
		Files.writeString(this.release.resolve("manifest.json"), """
				{"id": "2026-01-02-7", "run_date": "2026-01-02",
				 "tables": [{"name": "things", "description": "one row per thing", "rows": 250,
				   "files": [{"path": "things.parquet", "format": "parquet", "bytes": 10, "sha256": "ab12"}]}],
				 "absent": [{"name": "legal_units", "reason": "no StockUniteLegale file was given"}]}
				""");
		Files.writeString(this.release.resolve("datapackage.json"), """
				{"title": "Essai", "licenses": [{"title": "Licence Ouverte 2.0", "path": "https://example.org/lo"}],
				 "resources": [{"name": "things-parquet", "path": "things.parquet", "format": "parquet",
				   "description": "une ligne par chose", "bytes": 12, "hash": "sha256:cd34",
				   "schema": {"fields": [{"name": "code", "type": "string", "description": "le code"},
				                         {"name": "kind", "type": "integer", "description": "la sorte"}],
				              "primaryKey": "code"}}]}
				""");
		PublishedRelease read = PublishedRelease.read(this.release);
		assertThat(read.absent())
			.containsExactly(new PublishedRelease.Absent("legal_units", "no StockUniteLegale file was given"));
		assertThat(read.dataset("things").orElseThrow().primaryKey()).containsExactly("code");
		Definition<ChartSpec> chart = new Definition<>("kinds", this.release, "warehouse/charts/kinds.yaml",
				new ChartSpec("Choses par sorte", null, "bar", null),
				"select cast(kind as varchar) as label, count(*) as value from release.things group by kind order by kind");
		Definition<GlossarySpec> glossary = new Definition<>("kind", this.release, "warehouse/glossary/kind.yaml",
				new GlossarySpec("Sortes", "colonne kind", java.util.Map.of("0", "zéro", "1", "un")),
				"select cast(kind as varchar) as code, count(*) as rows from release.things group by kind order by kind");

		CataloguePage page = CatalogueTasklet.write(read, null, List.of(chart), List.of(glossary),
				ReleaseViews.Limits.small());

		assertThat(page.charts()).containsExactly(new CatalogueContent.Chart("kinds", "Choses par sorte", "", "bar", "",
				List.of("0", "1", "2"), List.of(84.0, 83.0, 83.0)));
		String index = Files.readString(this.release.resolve("index.html"));
		assertThat(index).contains("<title>Essai — publication 2026-01-02-7</title>")
			.contains("<li data-dataset=\"legal_units\"><code>legal_units</code> : absent — "
					+ "<span>no StockUniteLegale file was given</span>.</li>")
			.contains("<p>une ligne par chose</p>")
			.contains("<a class=\"download\" href=\"things.parquet\" data-sha256=\"cd34\">things.parquet</a>")
			.contains("<td class=\"n\" data-value=\"12\">12\u00a0o</td>")
			.contains("<span class=\"rows\" data-value=\"250\">250 lignes</span>")
			.contains("<div class=\"chart\" id=\"chart-kinds\"></div>")
			.contains("{\"charts\":[{\"name\":\"kinds\",\"title\":\"Choses par sorte\"")
			.contains("<td><code>0</code></td><td>zéro</td><td class=\"n\">84</td>")
			.contains("<td><code>2</code></td><td></td><td class=\"n\">83</td>")
			.contains("Première publication : aucune publication précédente à comparer.");
		assertThat(Files.readString(this.release.resolve("changes.json")).replaceAll("\\s", ""))
			.isEqualTo("{\"previous_release\":null,\"datasets\":[],\"indicators_moved\":[]}");
		assertThat(this.release.resolve("assets/echarts.min.js")).isNotEmptyFile();

		String dataset = Files.readString(this.release.resolve("datasets/things.html"));
		assertThat(dataset).contains("<a class=\"download\" href=\"../things.parquet\"")
			.contains("<td><code>kind</code></td><td>integer</td><td>la sorte</td>")
			.contains("<dd><code>code</code></dd>");
		Matcher rows = Pattern.compile("<tr><td>(C\\d{3})</td><td>(\\d)</td></tr>").matcher(dataset);
		int count = 0;
		while (rows.find()) {
			assertThat(rows.group(1)).isEqualTo(String.format("C%03d", count));
			assertThat(rows.group(2)).isEqualTo(String.valueOf(count % 3));
			count++;
		}
		assertThat(count).isEqualTo(100);

		CatalogueTasklet.write(read, null, List.of(chart), List.of(glossary), ReleaseViews.Limits.small());
		assertThat(Files.readString(this.release.resolve("index.html"))).isEqualTo(index);
		try (var files = Files.list(this.release)) {
			assertThat(files.map((file) -> file.getFileName().toString()).sorted()).containsExactly("assets",
					"changes.json", "datapackage.json", "datasets", "index.html", "manifest.json", "things.parquet");
		}
	}

}
