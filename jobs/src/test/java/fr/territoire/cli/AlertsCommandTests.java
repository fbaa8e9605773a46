package fr.territoire.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code territoire alerts}: the rows of {@code mart.alert} in current.duckdb, most
 * severe first, filtered by {@code --level}, as JSON with {@code --json}.
 */
class AlertsCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private PrintStream originalOut;

	private PrintStream originalErr;

	@TempDir
	Path home;

	@BeforeEach
	void captureOutputAndBuildWarehouse() throws Exception {
		this.originalOut = System.out;
		this.originalErr = System.err;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(this.err, true, StandardCharsets.UTF_8));
		Path folder = Files.createDirectories(this.home.resolve("warehouse"));
		String table = Files.readString(SampleExpectations.PROJECT.resolve("warehouse/schema/mart/alert.sql"));
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("current.duckdb"));
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA mart");
			statement.execute(table);
			statement.execute("INSERT INTO mart.alert VALUES "
					+ "('a', 'register', 'epci', '200054781', 'Métropole du Grand Paris', '*', 'closure', 3, "
					+ "DATE '2025-08-01', DATE '2025-10-01', 216, 79.2, 2.727, 'rise', 1e-20, 'high', 'Fermetures x'), "
					+ "('a', 'register', 'departement', '72', 'Sarthe', '*', 'closure', 1, DATE '2025-10-01', "
					+ "DATE '2025-10-01', 11, 2.2, 5.0, 'rise', 5e-5, 'low', 'Fermetures y'), "
					+ "('b', 'register', 'region', '11', 'Île-de-France', 'C', 'creation', 3, DATE '2025-08-01', "
					+ "DATE '2025-10-01', 4, 20.0, 0.2, 'fall', 5e-7, 'medium', 'Créations z')");
		}
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
	}

	@Test
	void listsEveryAlertMostSevereFirst() {
		assertThat(alerts("--json")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(messages()).containsExactly("Fermetures x", "Créations z", "Fermetures y");
	}

	@Test
	void levelKeepsThatSeverityAndAbove() {
		assertThat(alerts("--json", "--level", "medium")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(messages()).containsExactly("Fermetures x", "Créations z");
		assertThat(alerts("--json", "--level", "HIGH")).isEqualTo(ExitCodes.SUCCESS);
		assertThat(messages()).containsExactly("Fermetures x");
	}

	@Test
	void printsATableByDefaultAndRefusesAnUnknownLevel() {
		assertThat(alerts()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(output()).contains("severity", "Métropole du Grand Paris", "Sarthe");
		assertThat(alerts("--level", "urgent")).isEqualTo(ExitCodes.USAGE);
		assertThat(output()).contains("--level must be low, medium or high, not urgent");
	}

	private List<String> messages() {
		List<String> messages = new ArrayList<>();
		for (JsonNode alert : JsonMapper.builder().build().readTree(this.out.toString(StandardCharsets.UTF_8))) {
			messages.add(alert.get("message").asString());
		}
		return messages;
	}

	private int alerts(String... options) {
		this.out.reset();
		this.err.reset();
		String[] arguments = new String[options.length + 3];
		arguments[0] = "alerts";
		arguments[1] = "--home";
		arguments[2] = this.home.toString();
		System.arraycopy(options, 0, arguments, 3, options.length);
		return TerritoireCommand.execute(arguments);
	}

	private String output() {
		return (this.out.toString(StandardCharsets.UTF_8) + this.err.toString(StandardCharsets.UTF_8)).replace("\r\n",
				"\n");
	}

}
