package fr.territoire.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import fr.territoire.config.Problem;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WarehouseSchema} and {@link MacroCatalog}: SQL files with their YAML beside
 * them, problems named by file, macros created after those they depend on.
 */
class SqlFolderCatalogsTests {

	@TempDir
	Path project;

	@Test
	void macroWithoutYamlIsAProblemNamingTheFile() throws IOException {
		write("warehouse/macros/double_it.sql", "CREATE OR REPLACE MACRO double_it(x) AS (2 * x);");
		MacroCatalog catalog = MacroCatalog.load(this.project);
		assertThat(catalog.macros()).isEmpty();
		assertThat(catalog.problems()).extracting(Problem::file, Problem::message)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("warehouse/macros/double_it.sql", "has no YAML beside it"));
	}

	@Test
	void macroYamlMayEndInYml() throws IOException {
		write("warehouse/macros/double_it.sql", "CREATE OR REPLACE MACRO double_it(x) AS (2 * x);");
		write("warehouse/macros/double_it.yml", "description: twice x\nexample: double_it(2) = 4\n");
		MacroCatalog catalog = MacroCatalog.load(this.project);
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.macros()).extracting(SqlFile::name).containsExactly("double_it");
	}

	@Test
	void macrosAreCreatedAfterThoseTheyDependOn() throws IOException, SQLException {
		write("warehouse/macros/a_quadruple.sql", "CREATE OR REPLACE MACRO a_quadruple(x) AS (b_double(b_double(x)));");
		write("warehouse/macros/a_quadruple.yaml",
				"description: four times x\nexample: a_quadruple(1) = 4\ndepends_on: [b_double]\n");
		write("warehouse/macros/b_double.sql", "CREATE OR REPLACE MACRO b_double(x) AS (2 * x);");
		write("warehouse/macros/b_double.yaml", "description: twice x\nexample: b_double(2) = 4\n");
		MacroCatalog catalog = MacroCatalog.load(this.project);
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.macros()).extracting(SqlFile::name).containsExactly("b_double", "a_quadruple");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			catalog.create(connection);
			assertThat(Sql.queryLong(connection, "SELECT a_quadruple(3)")).isEqualTo(12);
		}
	}

	@Test
	void dependencyCycleAndUnknownDependencyAreProblems() throws IOException {
		write("warehouse/macros/one.sql", "CREATE OR REPLACE MACRO one(x) AS (two(x));");
		write("warehouse/macros/one.yaml", "description: d\nexample: e\ndepends_on: [two, three]\n");
		write("warehouse/macros/two.sql", "CREATE OR REPLACE MACRO two(x) AS (one(x));");
		write("warehouse/macros/two.yaml", "description: d\nexample: e\ndepends_on: [one]\n");
		assertThat(MacroCatalog.load(this.project).problems()).extracting(Problem::message)
			.containsExactlyInAnyOrder("depends_on forms a cycle through one", "depends_on names unknown macro three");
	}

	@Test
	void macroFileMustCreateTheMacroItIsNamedAfter() throws IOException {
		write("warehouse/macros/double_it.sql", "CREATE OR REPLACE MACRO twice(x) AS (2 * x);");
		write("warehouse/macros/double_it.yaml", "description: twice x\nexample: double_it(2) = 4\n");
		assertThat(MacroCatalog.load(this.project).problems()).extracting(Problem::message)
			.containsExactly("does not start with CREATE OR REPLACE MACRO double_it");
	}

	@Test
	void tableWithoutYamlOrOutsideItsSchemaFolderIsAProblem() throws IOException {
		write("warehouse/schema/meta/run.sql", "CREATE TABLE IF NOT EXISTS meta.run (id BIGINT);");
		write("warehouse/schema/loose.sql", "CREATE TABLE IF NOT EXISTS loose (id BIGINT);");
		write("warehouse/schema/loose.yaml", "description: d\ngrain: g\n");
		write("warehouse/schema/meta/other.sql", "CREATE TABLE IF NOT EXISTS meta.not_other (id BIGINT);");
		write("warehouse/schema/meta/other.yaml", "description: d\ngrain: g\n");
		WarehouseSchema schema = WarehouseSchema.load(this.project);
		assertThat(schema.tables()).isEmpty();
		assertThat(schema.problems()).extracting(Problem::file, Problem::message)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("warehouse/schema/meta/run.sql", "has no YAML beside it"),
					org.assertj.core.groups.Tuple.tuple("warehouse/schema/loose.sql",
							"a table must be in the folder of its schema"),
					org.assertj.core.groups.Tuple.tuple("warehouse/schema/meta/other.sql",
							"does not start with CREATE TABLE IF NOT EXISTS meta.other"));
	}

	@Test
	void shippedSchemaCreatesItsSchemasAndTablesAndKeepsTheirRows() throws SQLException {
		WarehouseSchema schema = WarehouseSchema.load(SampleExpectations.PROJECT);
		assertThat(schema.problems()).isEmpty();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			schema.create(connection);
			Sql.execute(connection, "account", "INSERT INTO meta.file_accounting VALUES ('s', 'f', 3, 2, 1, false)");
			schema.create(connection);
			assertThat(Sql.queryLong(connection, "SELECT count(*) FROM meta.file_accounting")).isEqualTo(1);
			assertThat(Sql.queryRows(connection,
					"SELECT schema_name || '.' || table_name FROM duckdb_tables() ORDER BY ALL"))
				.extracting((row) -> row.get(0))
				.containsExactly("core.establishment_history", "core.establishment_stock", "mart.alert",
						"mart.indicator", "mart.territory_peer", "meta.file_accounting", "meta.input_file",
						"meta.partner", "meta.partner_delivery", "meta.partner_feed", "meta.run",
						"meta.run_fingerprint", "meta.unknown_column", "quality.audit_result", "quality.rejected_row");
		}
	}

	private void write(String file, String text) throws IOException {
		Path path = this.project.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

}
