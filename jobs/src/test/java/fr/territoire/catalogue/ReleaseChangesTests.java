package fr.territoire.catalogue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What changed between two releases, on two small releases written here: rows added and
 * removed by primary key when the data package declares one, by count otherwise; columns
 * added and removed; France values that moved, appeared or disappeared.
 */
class ReleaseChangesTests {

	@TempDir
	Path folder;

	@Test
	void countsRowsAddedAndRemovedByPrimaryKeyWhenTheDataPackageDeclaresOne() throws Exception {
		PublishedRelease before = release("before", "places", "(VALUES ('a', 1), ('b', 2), ('c', 3)) t(code, n)",
				"[\"code\"]");
		PublishedRelease after = release("after", "places",
				"(VALUES ('a', 1), ('c', 30), ('d', 4), ('e', 5)) t(code, n)", "[\"code\"]");
		ReleaseChanges changes = compare(after, before);
		assertThat(changes.previousRelease()).isEqualTo("before");
		assertThat(changes.datasets())
			.containsExactly(new ReleaseChanges.DatasetChange("places", 3, 4, 2, 1, List.of(), List.of()));
		assertThat(changes.any()).isTrue();
	}

	@Test
	void countsRowsByDifferenceWithoutAPrimaryKey() throws Exception {
		PublishedRelease before = release("before", "places", "(VALUES ('a', 1), ('b', 2), ('c', 3)) t(code, n)", null);
		PublishedRelease after = release("after", "places",
				"(VALUES ('a', 1), ('c', 30), ('d', 4), ('e', 5)) t(code, n)", null);
		assertThat(compare(after, before).datasets())
			.containsExactly(new ReleaseChanges.DatasetChange("places", 3, 4, 1, 0, List.of(), List.of()));
		PublishedRelease smaller = release("smaller", "places", "(VALUES ('a', 1)) t(code, n)", null);
		assertThat(compare(smaller, before).datasets())
			.containsExactly(new ReleaseChanges.DatasetChange("places", 3, 1, 0, 2, List.of(), List.of()));
	}

	@Test
	void listsColumnsAddedAndRemoved() throws Exception {
		PublishedRelease before = release("before", "places", "(VALUES ('a', 1, 'x')) t(code, n, old)", "[\"code\"]");
		PublishedRelease after = release("after", "places", "(VALUES ('a', 1, 'y')) t(code, n, new)", "[\"code\"]");
		assertThat(compare(after, before).datasets())
			.containsExactly(new ReleaseChanges.DatasetChange("places", 1, 1, 0, 0, List.of("new"), List.of("old")));
	}

	@Test
	void listsFranceValuesThatMovedAppearedOrDisappeared() throws Exception {
		String columns = " t(indicator_id, period, dimension_code, value)";
		PublishedRelease before = release("before", ReleaseChanges.FRANCE_VALUES,
				"(VALUES ('count', 2024, '_T', 3944.0), ('share', 2024, 'A', 1.5), ('gone', 2023, '_T', 7.0), "
						+ "('same', 2024, '_T', 2.25), ('secret', 2024, '_T', NULL))" + columns,
				null);
		PublishedRelease after = release("after", ReleaseChanges.FRANCE_VALUES,
				"(VALUES ('count', 2024, '_T', 3940.0), ('share', 2024, 'A', 1.25), ('new', 2025, '_T', 12.0), "
						+ "('same', 2024, '_T', 2.25), ('secret', 2024, '_T', NULL))" + columns,
				null);
		assertThat(compare(after, before).indicatorsMoved()).containsExactly(
				new ReleaseChanges.IndicatorMove("count", "2024", "_T", new BigDecimal("3944"), new BigDecimal("3940")),
				new ReleaseChanges.IndicatorMove("gone", "2023", "_T", new BigDecimal("7"), null),
				new ReleaseChanges.IndicatorMove("new", "2025", "_T", null, new BigDecimal("12")),
				new ReleaseChanges.IndicatorMove("share", "2024", "A", new BigDecimal("1.5"), new BigDecimal("1.25")));
	}

	@Test
	void aDatasetNewInThisReleaseHasOnlyRowsAdded() throws Exception {
		PublishedRelease before = release("before", "places", "(VALUES ('a', 1)) t(code, n)", "[\"code\"]");
		PublishedRelease after = release("after", "people", "(VALUES ('p', 1), ('q', 2)) t(code, n)", "[\"code\"]");
		assertThat(compare(after, before).datasets()).containsExactly(
				new ReleaseChanges.DatasetChange("people", 0, 2, 2, 0, List.of("code", "n"), List.of()),
				new ReleaseChanges.DatasetChange("places", 1, 0, 0, 1, List.of(), List.of("code", "n")));
	}

	private static ReleaseChanges compare(PublishedRelease after, PublishedRelease before) {
		try (ReleaseViews views = ReleaseViews.open(after, before, ReleaseViews.Limits.small())) {
			return ReleaseChanges.compare(views, after, before);
		}
	}

	/**
	 * A release of one dataset, its Parquet file written by DuckDB from a VALUES list.
	 */
	private PublishedRelease release(String id, String dataset, String values, String primaryKey)
			throws IOException, SQLException {
		Path release = Files.createDirectories(this.folder.resolve(id));
		Path parquet = release.resolve(dataset + ".parquet");
		long rows;
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("COPY (SELECT * FROM " + values + ") TO '" + parquet + "' (FORMAT parquet)");
			try (var result = statement.executeQuery("SELECT count(*) FROM '" + parquet + "'")) {
				result.next();
				rows = result.getLong(1);
			}
		}
		Files.writeString(release.resolve("manifest.json"),
				"{\"id\": \"" + id + "\", \"tables\": [{\"name\": \"" + dataset + "\", \"rows\": " + rows
						+ ", \"files\": [{\"path\": \"" + dataset + ".parquet\", \"format\": \"parquet\", \"bytes\": "
						+ Files.size(parquet) + ", \"sha256\": \"0\"}]}]}");
		Files.writeString(release.resolve("datapackage.json"),
				"{\"resources\": [{\"name\": \"" + dataset + "-parquet\", \"path\": \"" + dataset
						+ ".parquet\", \"format\": \"parquet\", \"schema\": {\"fields\": []"
						+ ((primaryKey != null) ? ", \"primaryKey\": " + primaryKey : "") + "}}]}");
		return PublishedRelease.read(release);
	}

}
