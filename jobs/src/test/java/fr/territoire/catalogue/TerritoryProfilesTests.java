package fr.territoire.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import fr.territoire.config.Definition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiles of a small release written here, with two sections of our own: one data
 * file per territory of the four levels (France has none) holding each section's JSON
 * (null where a section has no row), the search index, the page; written again, the same
 * bytes and nothing stale left.
 */
class TerritoryProfilesTests {

	@TempDir
	Path release;

	@Test
	void eachTerritoryHasADataFileWithItsSectionsAndTheSearchIndexListsThemAll() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("COPY (SELECT * FROM (VALUES ('commune', 1, '67124', 'Entzheim', '67'), "
					+ "('commune', 1, '2A004', 'Ajaccio', '2A'), ('departement', 3, '67', 'Bas-Rhin', '67'), "
					+ "('region', 4, '84', 'Auvergne-Rhône-Alpes', NULL), ('departement', 3, '84', 'Vaucluse', '84'), "
					+ "('france', 5, 'FR', 'France', NULL)) t(level, level_order, code, name, departement_code)) TO '"
					+ this.release.resolve("territories.parquet") + "' (FORMAT parquet)");
			statement.execute("COPY (SELECT * FROM (VALUES ('population', 'Population \"municipale\"', 'habitants'))"
					+ " t(indicator_id, label, unit)) TO '" + this.release.resolve("indicators.parquet")
					+ "' (FORMAT parquet)");
		}
		Files.writeString(this.release.resolve("manifest.json"), """
				{"id": "2026-01-02-7", "run_date": "2026-01-02",
				 "tables": [{"name": "territories", "rows": 6,
				             "files": [{"path": "territories.parquet"}, {"path": "territories.csv.gz"}]},
				            {"name": "indicators", "rows": 1,
				             "files": [{"path": "indicators.parquet"}, {"path": "indicators.csv"}]}]}
				""");
		Files.writeString(this.release.resolve("datapackage.json"), """
				{"title": "Essai", "resources": []}
				""");
		PublishedRelease read = PublishedRelease.read(this.release);
		List<Definition<ProfileSpec>> sections = List.of(
				new Definition<>("1_names", this.release, "warehouse/profiles/1_names.yaml", new ProfileSpec("noms"),
						"select level, code as territory_code, to_json({'name': name, 'size': length(name)}) as data "
								+ "from release.territories"),
				new Definition<>("2_corsica", this.release, "warehouse/profiles/2_corsica.yaml",
						new ProfileSpec("la Corse"),
						"select level, code as territory_code, to_json([1.5, null]) as data "
								+ "from release.territories where departement_code = '2A'"));

		CatalogueTasklet.write(read, null, List.of(), List.of(), sections, ReleaseViews.Limits.small());

		Path profiles = this.release.resolve("profiles");
		assertThat(Files.readString(profiles.resolve("commune/67124.js")))
			.isEqualTo("Territoire.profile({\"level\":\"commune\",\"code\":\"67124\","
					+ "\"names\":{\"name\":\"Entzheim\",\"size\":8},\"corsica\":null});\n");
		assertThat(Files.readString(profiles.resolve("commune/2A004.js")))
			.isEqualTo("Territoire.profile({\"level\":\"commune\",\"code\":\"2A004\","
					+ "\"names\":{\"name\":\"Ajaccio\",\"size\":7},\"corsica\":[1.5,null]});\n");
		// the same code at two levels: two files
		assertThat(Files.readString(profiles.resolve("region/84.js"))).contains("\"Auvergne-Rhône-Alpes\"");
		assertThat(Files.readString(profiles.resolve("departement/84.js"))).contains("\"Vaucluse\"");
		assertThat(profiles.resolve("france")).doesNotExist();
		assertThat(Files.readString(profiles.resolve("search.js"))).isEqualTo("""
				Territoire.index([
				["commune","2A004","Ajaccio","2A"],
				["commune","67124","Entzheim","67"],
				["departement","67","Bas-Rhin","67"],
				["departement","84","Vaucluse","84"],
				["region","84","Auvergne-Rhône-Alpes",null]
				]);
				""");
		assertThat(Files.readString(profiles.resolve("indicators.js"))).isEqualTo("""
				Territoire.indicators({
				"population":["Population \\"municipale\\"","habitants"]
				});
				""");
		// the profile links each dataset's CSV by its name in the release, gzipped or not
		assertThat(Files.readString(profiles.resolve("files.js"))).isEqualTo("""
				Territoire.files({
				"territories":"territories.csv.gz",
				"indicators":"indicators.csv"
				});
				""");
		assertThat(this.release.resolve("profile.html")).content()
			.contains("<title>Profils des territoires — Essai</title>")
			.contains("<span id=\"release\">2026-01-02-7</span>");
		assertThat(this.release.resolve("index.html")).content()
			.contains("<section id=\"profiles\">")
			.contains("<script src=\"assets/territory-search.js\"></script>");
		for (String asset : List.of("profile.js", "profile.css", "territory-search.js", "echarts.min.js")) {
			assertThat(this.release.resolve("assets").resolve(asset)).isNotEmptyFile();
		}

		List<String> before = contents(profiles);
		Files.writeString(profiles.resolve("commune/99999.js"), "stale");
		CatalogueTasklet.write(read, null, List.of(), List.of(), sections, ReleaseViews.Limits.small());
		assertThat(contents(profiles)).isEqualTo(before).hasSize(8);
		assertThat(this.release.resolve(".profiles.new")).doesNotExist();
		assertThat(this.release.resolve(".profiles.old")).doesNotExist();
	}

	@Test
	void withoutSectionsThereAreNoProfilesAndTheCatalogueHasNoSearch() throws Exception {
		Files.writeString(this.release.resolve("manifest.json"), """
				{"id": "2026-01-02-7", "run_date": "2026-01-02", "tables": []}
				""");
		PublishedRelease read = PublishedRelease.read(this.release);
		CatalogueTasklet.write(read, null, List.of(), List.of(), List.of(), ReleaseViews.Limits.small());
		assertThat(this.release.resolve("profiles")).doesNotExist();
		assertThat(this.release.resolve("profile.html")).doesNotExist();
		assertThat(this.release.resolve("index.html")).content()
			.doesNotContain("id=\"profiles\"")
			.doesNotContain("territory-search");
	}

	@Test
	void aSectionNameIsItsFileNameWithoutItsNumber() {
		assertThat(TerritoryProfiles
			.sectionName(new Definition<>("12_top_sectors", this.release, "x", new ProfileSpec("d"), "select 1")))
			.isEqualTo("top_sectors");
		assertThat(TerritoryProfiles.json("a\"b<\\/script>\u2028"))
			.isEqualTo("\"a\\\"b\\u003c\\\\/script\\u003e\\u2028\"");
	}

	/** Every file of a folder, as its relative path and its text, in path order. */
	private static List<String> contents(Path folder) throws Exception {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).sorted().map((path) -> {
				try {
					return folder.relativize(path) + "=" + Files.readString(path);
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
	}

}
