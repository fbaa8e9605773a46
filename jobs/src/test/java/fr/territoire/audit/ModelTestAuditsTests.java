package fr.territoire.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audits generated from the {@code key:} and {@code tests:} of a model's YAML: their
 * names, blocking and layer, the rows their SQL finds in a real DuckDB, and the problems
 * of YAML that declares them wrongly.
 */
class ModelTestAuditsTests {

	private static final String TERRITORY_YAML = """
			description: territories
			grain: one row per level and code
			key: [level, code]
			columns:
			  - name: level
			    description: the level
			    tests:
			      - not_null
			      - accepted_values: {values: [commune, region]}
			  - name: code
			    description: the code
			    tests: [unique]
			  - name: region_code
			    description: the région of a commune
			    tests:
			      - relationships: {to: core.region, field: code, severity: warn}
			""";

	@TempDir
	Path folder;

	@Test
	void namesEachAuditAfterTableTestAndColumnAndRunsItAfterTheModelsLayer() throws IOException {
		List<Audit> audits = ModelTestAudits.of(model(SqlModel.Layer.CORE, "territory", TERRITORY_YAML));
		assertThat(audits).extracting(Audit::name, (audit) -> audit.spec().blocking(), (audit) -> audit.spec().after())
			.containsExactly(tuple("core.territory__key_level_code", true, AuditLayer.CORE),
					tuple("core.territory__not_null_level", true, AuditLayer.CORE),
					tuple("core.territory__accepted_values_level", true, AuditLayer.CORE),
					tuple("core.territory__unique_code", true, AuditLayer.CORE),
					tuple("core.territory__relationships_region_code", false, AuditLayer.CORE));
		assertThat(audits.get(2).spec().description()).isEqualTo("level of core.territory is one of commune, region");
	}

	@Test
	void testsOfPublicModelsRunInTheStepBeforePublication() throws IOException {
		List<Audit> audits = ModelTestAudits
			.of(model(SqlModel.Layer.PUBLIC, "territory", TERRITORY_YAML.replace("core.region", "public.region")));
		assertThat(audits).extracting(Audit::name).first().isEqualTo("public.territory__key_level_code");
		assertThat(audits).allSatisfy((audit) -> {
			assertThat(audit.spec().after()).isEqualTo(AuditLayer.PUBLIC);
			assertThat(audit.spec().after().runsBeforeIndicators()).isFalse();
		});
	}

	@Test
	void eachAuditReturnsExactlyTheOffendingRows() throws Exception {
		List<Audit> audits = ModelTestAudits.of(model(SqlModel.Layer.CORE, "territory", TERRITORY_YAML));
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			Sql.execute(connection, "schema", "CREATE SCHEMA core");
			Sql.execute(connection, "regions",
					"CREATE TABLE core.region AS SELECT * FROM (VALUES ('44'), ('84')) t(code)");
			Sql.execute(connection, "territories", """
					CREATE TABLE core.territory AS SELECT * FROM (VALUES
					    ('commune', '67482', '44'),
					    ('commune', '67482', '44'),
					    ('commune', '01001', '84'),
					    ('region', '44', NULL),
					    ('epci', '200067213', NULL),
					    (NULL, '2A004', '94'),
					    ('commune', '97101', '01')
					) t(level, code, region_code)""");
			assertThat(rows(connection, audits.get(0))).containsExactlyInAnyOrder(List.of("commune", "67482", "2"),
					java.util.Arrays.asList(null, "2A004", "1"));
			assertThat(rows(connection, audits.get(1))).containsExactly(java.util.Arrays.asList(null, "2A004", "94"));
			assertThat(rows(connection, audits.get(2))).containsExactly(List.of("epci", "1"));
			assertThat(rows(connection, audits.get(3))).containsExactly(List.of("67482", "2"));
			assertThat(rows(connection, audits.get(4))).containsExactlyInAnyOrder(
					java.util.Arrays.asList(null, "2A004", "94"), List.of("commune", "97101", "01"));
			// each audit's count query counts the rows its query returns (the rows listed
			// above)
			assertThat(audits).extracting((audit) -> Sql.queryLong(connection, audit.countSql()))
				.containsExactly(2L, 1L, 1L, 1L, 2L);
		}
	}

	@Test
	void acceptedValuesCompareNumbersAsText() throws Exception {
		String yaml = """
				description: orders
				grain: one row per level
				columns:
				  - name: level_order
				    description: 1 to 5
				    tests:
				      - accepted_values: {values: [1, 2, 3, 4, 5]}
				""";
		Audit audit = ModelTestAudits.of(model(SqlModel.Layer.CORE, "levels", yaml)).get(0);
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			Sql.execute(connection, "schema", "CREATE SCHEMA core");
			Sql.execute(connection, "levels", "CREATE TABLE core.levels AS SELECT * FROM range(0, 7) t(level_order)");
			assertThat(rows(connection, audit)).containsExactlyInAnyOrder(List.of("0", "1"), List.of("6", "1"));
		}
	}

	@Test
	void reportsAnUnknownTestWithItsFileAndLine() throws IOException {
		Path file = this.folder.resolve("territory.yaml");
		Files.writeString(file, """
				description: territories
				grain: one row per level and code
				columns:
				  - name: level
				    description: the level
				    tests:
				      - not_null
				      - not_empty
				""");
		List<Problem> problems = new ArrayList<>();
		ModelSpec spec = YamlFiles.read(file, ModelSpec.class, "warehouse/models/core/territory.yaml", problems::add);
		assertThat(spec).isNull();
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("warehouse/models/core/territory.yaml");
			assertThat(problem.line()).isEqualTo(8);
			assertThat(problem.message())
				.isEqualTo("unknown test 'not_empty' (known tests: not_null, unique, accepted_values, relationships)");
		});
	}

	@Test
	void reportsTestsMissingTheirArgumentsAndUnknownSeverities() throws IOException {
		assertThat(problemOf("      - accepted_values\n"))
			.isEqualTo("test accepted_values needs arguments, e.g. accepted_values: {values: [A, F]}");
		assertThat(problemOf("      - relationships: {to: core.territory}\n"))
			.startsWith("relationships needs field: a column name (found null)");
		assertThat(problemOf("      - unique: {severity: info}\n"))
			.isEqualTo("severity 'info' must be error (the default) or warn");
		assertThat(problemOf("      - unique: {sevrity: warn}\n"))
			.isEqualTo("unknown argument 'sevrity' of test unique (known: severity)");
	}

	@Test
	void reportsARelationshipToATableNoModelBuildsOrBuiltLater(@TempDir Path project) throws IOException {
		Path core = Files.createDirectories(project.resolve("warehouse/models/core"));
		Files.createDirectories(project.resolve("warehouse/models/public"));
		Files.writeString(core.resolve("commune.sql"), "select '67482' as commune_code, '84' as region_code");
		Files.writeString(core.resolve("commune.yaml"), """
				description: communes
				grain: one row per commune
				columns:
				  - name: commune_code
				    description: the code
				    tests:
				      - relationships: {to: public.territory, field: code}
				  - name: region_code
				    description: the région
				    tests:
				      - relationships: {to: core.region, field: code}
				""");
		Files.writeString(project.resolve("warehouse/models/public/territory.sql"), "select '84' as code");
		Files.writeString(project.resolve("warehouse/models/public/territory.yaml"),
				"description: territories\ngrain: one row per code\n");
		ModelCatalog models = ModelCatalog.load(project);
		assertThat(models.problems()).isEmpty();
		assertThat(ModelTestAudits.problems(models)).extracting(Problem::file, Problem::message)
			.containsExactly(tuple("warehouse/models/core/commune.yaml",
					"column commune_code: relationships names public.territory, built after this model's layer, "
							+ "when its tests run"),
					tuple("warehouse/models/core/commune.yaml",
							"column region_code: relationships names core.region, which no model builds"));
	}

	private String problemOf(String test) throws IOException {
		Path file = this.folder.resolve("model.yaml");
		Files.writeString(file,
				"description: d\ngrain: g\ncolumns:\n  - name: code\n    description: c\n    tests:\n" + test);
		List<Problem> problems = new ArrayList<>();
		assertThat(YamlFiles.read(file, ModelSpec.class, "model.yaml", problems::add)).isNull();
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0).line()).isNotNull();
		return problems.get(0).message();
	}

	private SqlModel model(SqlModel.Layer layer, String name, String yaml) throws IOException {
		Path file = this.folder.resolve(name + ".yaml");
		Files.writeString(file, yaml);
		List<Problem> problems = new ArrayList<>();
		ModelSpec spec = YamlFiles.read(file, ModelSpec.class, name + ".yaml", problems::add);
		assertThat(problems).isEmpty();
		return new SqlModel(layer, name, "select 1", spec);
	}

	private static List<List<String>> rows(Connection connection, Audit audit) throws SQLException {
		return Sql.queryRows(connection, audit.sql());
	}

}
