package fr.territoire.query.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.query.QuerySession;
import fr.territoire.query.WarehouseQuerySession;
import fr.territoire.support.SampleExpectations;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ShellTests {

	@TempDir
	static Path folder;

	static Path warehouse;

	@BeforeAll
	static void buildWarehouse() throws SQLException {
		warehouse = buildWarehouse(folder);
	}

	/** A warehouse with tables in {@code mart} and {@code public}. */
	static Path buildWarehouse(Path folder) throws SQLException {
		Path warehouse = folder.resolve("current.duckdb");
		try (var connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA mart");
			statement.execute("CREATE SCHEMA public");
			statement.execute("CREATE TABLE mart.commune_measure (commune_code VARCHAR, population INTEGER)");
			statement.execute("INSERT INTO mart.commune_measure VALUES ('01001', 832), ('01002', 267)");
			statement.execute("CREATE TABLE mart.indicator (indicator_id VARCHAR, label VARCHAR)");
			statement.execute("CREATE TABLE public.territory (territory_code VARCHAR, name VARCHAR)");
		}
		return warehouse;
	}

	@Test
	void runsAStatementWrittenOnTwoLinesOnceItsSemicolonIsTyped() throws IOException {
		assertThat(run("SELECT 1 AS a,\n2 AS b;\n.quit\n")).isEqualTo("""
				%s
				territoire>         -> a  b
				-  -
				1  2
				(1 rows)
				territoire>\s""".formatted(Shell.BANNER));
	}

	@Test
	void runsSeveralStatementsOfOneLineOneAfterTheOther() throws IOException {
		assertThat(run(".mode csv\nSELECT 1 AS a; SELECT 2 AS b;\n")).isEqualTo("""
				%s
				territoire> territoire> a
				1
				b
				2
				territoire>\s""".formatted(Shell.BANNER));
	}

	@Test
	void listsTheTablesOfTheSession() throws IOException {
		assertThat(run(".tables\n")).isEqualTo("""
				%s
				territoire> mart.commune_measure
				mart.indicator
				public.territory
				territoire>\s""".formatted(Shell.BANNER));
	}

	@Test
	void printsResultsAsCsvAfterModeCsv() throws IOException {
		assertThat(run(".mode csv\nSELECT * FROM mart.commune_measure ORDER BY commune_code;\n")).isEqualTo("""
				%s
				territoire> territoire> commune_code,population
				01001,832
				01002,267
				territoire>\s""".formatted(Shell.BANNER));
	}

	@Test
	void printsTheColumnsOfATableNamedWithoutItsSchema() throws IOException {
		assertThat(run(".schema commune_measure\n.schema nowhere\n")).isEqualTo("""
				%s
				territoire> mart.commune_measure (commune_code, population)
				territoire> no table nowhere: .tables lists them
				territoire>\s""".formatted(Shell.BANNER));
	}

	@Test
	void goesOnAfterAStatementDuckDbRefuses() throws IOException {
		String transcript = run("SELECT * FROM nowhere;\n.mode csv\nSELECT 3 AS c;\n");
		assertThat(transcript).startsWith(Shell.BANNER + "\nterritoire> [BAD_QUERY] DuckDB refused the query: "
				+ "Catalog Error: Table with name nowhere does not exist!");
		assertThat(transcript).endsWith("\nterritoire> territoire> c\n3\nterritoire> ");
	}

	@Test
	void goesOnAfterAnUnknownDotCommand() throws IOException {
		assertThat(run(".tabels\n.mode yaml\n.quit\nSELECT 1;\n")).isEqualTo("""
				%s
				territoire> unknown command .tabels: .help lists the commands
				territoire> unknown mode yaml: table, csv, json or markdown
				territoire>\s""".formatted(Shell.BANNER));
	}

	@Test
	void documentsATableFromTheYamlOfItsModel() throws IOException {
		assertThat(run(".docs public.commune_measure\n")).isEqualTo(
				"""
						%s
						territoire> public.commune_measure
						  mart.commune_measure tel que publié (agrégats et données de référence, aucune unité du répertoire).
						  grain: one row per commune
						  columns:
						    commune_code                    code de la commune dans le millésime du COG de la publication
						    commune_name                    nom officiel
						    period                          année du stock du répertoire dont les comptes sont tirés
						    active_establishments           établissements ouverts du répertoire SIRENE situés dans la commune
						    active_employer_establishments  établissements ouverts ayant au moins un salarié (caractereEmployeur = O)
						    active_naf_rev2                 établissements ouverts dont l'activité principale est un code de la NAF rév. 2
						    partner_members                 établissements des classeurs des partenaires trouvés ouverts dans le répertoire dans la commune (vide sans classeur partenaire)
						    population_municipale           population municipale de la dernière édition INSEE chargée (populations de référence), harmonisée au millésime
						territoire>\s"""
					.formatted(Shell.BANNER));
	}

	@Test
	void listsTheDocumentedTablesWithoutAName() throws IOException {
		assertThat(run(".docs\n").lines()).contains("public.commune_measure  "
				+ "mart.commune_measure tel que publié (agrégats et données de référence, aucune unité du répertoire).")
			.contains(
					"mart.commune_measure  Measures by commune of the target vintage of the register's stock at the stock's date (mart.register_period), the base of the stock's indicators (active establishments, density, employer share, partner members).");
	}

	@Test
	void writesResultsToAFileUntilOutputIsGivenNoFile() throws IOException {
		Path file = folder.resolve("result.csv");
		String transcript = run(".mode csv\n.output " + file + "\nSELECT 1 AS a;\n.output\nSELECT 2 AS b;\n");
		assertThat(transcript).isEqualTo("""
				%s
				territoire> territoire> results go to %s
				territoire> territoire> results go to the terminal
				territoire> b
				2
				territoire>\s""".formatted(Shell.BANNER, file));
		assertThat(file).hasContent("a\n1");
	}

	@Test
	void printsTheElapsedTimeAfterEachResultWhenTheTimerIsOn() throws IOException {
		assertThat(run(".mode csv\n.timer on\nSELECT 1 AS a;\n.timer off\nSELECT 2 AS b;\n"))
			.matches("(?s).*territoire> a\n1\ntime: \\d+\\.\\d{3} s\nterritoire> territoire> b\n2\nterritoire> ");
	}

	@Test
	void keepsTheHistoryInItsFile() throws IOException {
		Path history = folder.resolve("kept_history");
		run(".tables\nSELECT 1 AS a,\n  2 AS b;\n", history);
		assertThat(Files.readAllLines(history)).extracting((line) -> line.substring(line.indexOf(':') + 1))
			.containsExactly(".tables", "SELECT 1 AS a,", "2 AS b;");
	}

	static String run(String input) throws IOException {
		return run(input, folder.resolve("sql_history"));
	}

	static String run(String input, Path history) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
				new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8);
				QuerySession session = WarehouseQuerySession.open(warehouse,
						warehouse.toAbsolutePath().getParent().resolve("tmp"), TerritoireProperties.Query.defaults(),
						fr.territoire.query.Layers.published())) {
			new Shell(session, terminal, history, SampleExpectations.PROJECT, false).run();
		}
		return out.toString(StandardCharsets.UTF_8);
	}

}
