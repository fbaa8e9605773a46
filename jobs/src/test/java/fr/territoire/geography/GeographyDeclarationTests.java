package fr.territoire.geography;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.GeographyDeclaration;
import fr.territoire.config.Problem;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.warehouse.SqlModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declarations of a source's commune column: what {@code territoire check} refuses, and
 * what the generated SQL computes on a few rows in an in-memory DuckDB.
 */
class GeographyDeclarationTests {

	static final String MAPPING = """
			source: partner_sites
			description: sites
			files: ["partners/*.csv"]
			format: csv
			target: {table: stg_partner__sites}
			geography:
			%s
			columns:
			  - name: Commune
			    target: commune_code
			    type: code
			  - name: Nom
			    target: site_name
			  - name: Emplois
			    target: jobs
			    type: integer
			""";

	@Test
	void refusesACommuneColumnTheMappingDoesNotStage(@TempDir Path project) throws IOException {
		assertThat(problems(project, "  commune: code_insee")).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("mappings/partner_sites.yaml");
			assertThat(problem.message()).isEqualTo("geography.commune names 'code_insee', which is not a column "
					+ "target; column targets: commune_code, site_name, jobs");
		});
	}

	@Test
	void refusesAnAmountThatIsNotNumeric(@TempDir Path project) throws IOException {
		assertThat(problems(project, "  commune: commune_code\n  amount: site_name\n  unit: sites")).singleElement()
			.extracting(Problem::message)
			.isEqualTo("geography.amount names 'site_name', which is not an integer or decimal column: it is summed");
	}

	@Test
	void refusesAnAmountWithoutUnit(@TempDir Path project) throws IOException {
		assertThat(problems(project, "  commune: commune_code\n  amount: jobs")).singleElement()
			.extracting(Problem::message)
			.asString()
			.startsWith("geography.unit is required with geography.amount 'jobs'");
	}

	@Test
	void placesARowOfASplitCodeInTheCommuneWithTheLargestShareAndReportsUnknownCodes() throws SQLException {
		DeclaredSource source = new DeclaredSource("partner_sites", "staging.stg_partner__sites",
				new GeographyDeclaration("commune_code", "jobs", "jobs"), "mappings/partner_sites.yaml");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			execute(connection,
					"""
							CREATE SCHEMA geography;
							CREATE SCHEMA staging;
							CREATE SCHEMA meta;
							CREATE TABLE meta.input_file AS SELECT 'partner_sites' AS source, NULL::varchar AS vintage;
							CREATE TABLE geography.vintage AS SELECT '2026' AS vintage, true AS is_target;
							CREATE TABLE geography.cog_commune AS SELECT * FROM (VALUES ('2026', '01001', 'commune-actuelle'),
							    ('2026', '01002', 'commune-actuelle'), ('2026', '01003', 'commune-deleguee')) t(vintage, code, type);
							CREATE TABLE geography.commune_passage AS SELECT * FROM (VALUES
							    ('2026', '2026', '01001', '01001', 'identity', 1.0::double),
							    ('2026', '2026', '01002', '01002', 'identity', 1.0::double),
							    ('2026', '2026', '01003', '01001', 'commune_deleguee', 0.3::double),
							    ('2026', '2026', '01003', '01002', 'commune_deleguee', 0.7::double))
							    t(vintage_from, vintage_to, code_from, code_to, method, weight);
							CREATE TABLE staging.stg_partner__sites AS SELECT * FROM (VALUES ('f', 1, '01001', 10),
							    ('f', 2, '01003', 5), ('f', 3, '09999', 2), ('f', 4, NULL, 1)) t(_file, _record, commune_code, jobs)""");
			for (SqlModel model : GeographySql.tables(List.of(source))) {
				execute(connection, "CREATE TABLE " + model.table() + " AS " + model.sql());
			}
			SqlModel view = GeographySql.views(List.of(source)).get(0);
			execute(connection, "CREATE VIEW " + view.table() + " AS " + view.sql());

			assertThat(rows(connection,
					"SELECT _record, coalesce(target_commune_code, '-'), "
							+ "coalesce(geography_method, '-'), coalesce(geography_share, 0) "
							+ "FROM geography.partner_sites__harmonised ORDER BY _record"))
				.containsExactly(List.of("1", "01001", "identity", "1.0"),
						List.of("2", "01002", "commune_deleguee", "0.7"), List.of("3", "-", "-", "0.0"),
						List.of("4", "-", "-", "0.0"));
			assertThat(rows(connection,
					"SELECT detected_vintage, detected_share, vintage_used, chosen_by "
							+ "FROM geography.source_vintage"))
				.containsExactly(List.of("2026", String.valueOf(Math.round(1_000_000.0 / 3) / 1_000_000.0), "2026",
						"detected (no vintage declared)"));
			assertThat(rows(connection, "SELECT code, rows, amount, unit FROM geography.unmapped_commune_code"))
				.containsExactly(List.of("09999", "1", "2", "jobs"));
			assertThat(rows(connection,
					"SELECT unmapped_codes, unmapped_rows, amount_left_out, total_amount, "
							+ "amount_harmonised FROM geography.unmapped_total"))
				.containsExactly(List.of("1", "1", "2", String.valueOf(10 + 5 + 2), String.valueOf(10 + 5)));
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		for (String statement : sql.split(";\\s*\n")) {
			try (Statement executed = connection.createStatement()) {
				executed.execute(statement);
			}
		}
	}

	private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static List<Problem> problems(Path project, String geography) throws IOException {
		Files.createDirectories(project.resolve("mappings"));
		Files.writeString(project.resolve("mappings/partner_sites.yaml"), MAPPING.formatted(geography));
		return MappingCatalog.load(project).problems();
	}

}
