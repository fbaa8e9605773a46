package fr.territoire.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import fr.territoire.config.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code materialized: table|view} in a model's YAML: a view is built as a view, a table
 * as a table (the default), a model that changes kind replaces the object of the other
 * kind, and an unknown materialisation is a problem naming the file.
 */
class ModelMaterialisationTests {

	@TempDir
	Path project;

	@Test
	void aModelIsATableByDefaultAndAViewWhenItsYamlSaysSo() throws IOException, SQLException {
		write("warehouse/models/core/numbers.sql", "select range as n from range(5)");
		write("warehouse/models/core/numbers.yaml", "description: d\ngrain: one row per n\n");
		write("warehouse/models/core/evens.sql", "select n from core.numbers where n % 2 = 0");
		write("warehouse/models/core/evens.yaml",
				"description: d\ngrain: one row per even n\ndepends_on: [numbers]\nmaterialized: view\n");
		ModelCatalog catalog = ModelCatalog.load(this.project);
		assertThat(catalog.problems()).isEmpty();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			Sql.execute(connection, "schema", "CREATE SCHEMA core");
			assertThat(ModelRunner.build(connection, catalog, SqlModel.Layer.CORE)).containsEntry("core.numbers", 5L)
				.containsEntry("core.evens", 3L);
			assertThat(kind(connection, "numbers")).isEqualTo("BASE TABLE");
			assertThat(kind(connection, "evens")).isEqualTo("VIEW");
			Sql.execute(connection, "change the rows", "DELETE FROM core.numbers WHERE n = 4");
			assertThat(Sql.queryLong(connection, "SELECT count(*) FROM core.evens")).isEqualTo(2);
		}
	}

	@Test
	void aModelThatChangesKindReplacesTheObjectOfTheOtherKind() throws IOException, SQLException {
		write("warehouse/models/core/numbers.sql", "select range as n from range(4)");
		write("warehouse/models/core/numbers.yaml", "description: d\ngrain: one row per n\nmaterialized: view\n");
		ModelCatalog catalog = ModelCatalog.load(this.project);
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			Sql.execute(connection, "a table left by an earlier run",
					"CREATE SCHEMA core; CREATE TABLE core.numbers AS SELECT 1 AS n");
			ModelRunner.build(connection, catalog, SqlModel.Layer.CORE);
			assertThat(kind(connection, "numbers")).isEqualTo("VIEW");
			write("warehouse/models/core/numbers.yaml", "description: d\ngrain: one row per n\n");
			ModelRunner.build(connection, ModelCatalog.load(this.project), SqlModel.Layer.CORE);
			assertThat(kind(connection, "numbers")).isEqualTo("BASE TABLE");
			assertThat(Sql.queryLong(connection, "SELECT sum(n) FROM core.numbers")).isEqualTo(6);
		}
	}

	@Test
	void anUnknownMaterialisationIsAProblemNamingTheFile() throws IOException {
		write("warehouse/models/core/numbers.sql", "select 1 as n");
		write("warehouse/models/core/numbers.yaml", "description: d\ngrain: g\nmaterialized: ephemeral\n");
		ModelCatalog catalog = ModelCatalog.load(this.project);
		assertThat(catalog.models()).isEmpty();
		assertThat(catalog.problems()).extracting(Problem::file).containsExactly("warehouse/models/core/numbers.yaml");
		assertThat(catalog.problems().get(0).message()).contains("materialized is table or view, not 'ephemeral'");
	}

	private static String kind(Connection connection, String name) {
		return Sql.queryRows(connection, "SELECT table_type FROM information_schema.tables WHERE table_name = ?", name)
			.get(0)
			.get(0);
	}

	private void write(String relative, String text) throws IOException {
		Path file = this.project.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
