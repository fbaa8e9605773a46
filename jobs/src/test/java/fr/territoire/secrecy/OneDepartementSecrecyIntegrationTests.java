package fr.territoire.secrecy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster's members workbook on a geography of one département (67: the samples cut
 * by {@link SmallInbox}, with the partner's workbook as shipped). Its two EPCIs then make
 * up the whole département, so a filière published for the département and for one EPCI
 * gives the other EPCI's by subtraction: the secondary suppression once left EPCI
 * 246701064's Logistique cell recomputable that way, and the disclosure audit stopped the
 * run ({@code SECRET_RECOVERABLE}). The run must publish, and no secret cell, primary or
 * secondary, may be recomputable from the published ones ({@link RecoverabilityCheck},
 * the test's own elimination over the warehouse's cells).
 */
class OneDepartementSecrecyIntegrationTests {

	@Test
	void aDepartementMadeOfTwoEpcisPublishesNoRecomputableSecretCell(@TempDir Path folder)
			throws IOException, InterruptedException, SQLException {
		Path inbox = SmallInbox.copyTo(folder.resolve("inbox"));
		copy(SampleExpectations.SAMPLES.resolve("partners"), inbox.resolve("partners"));
		Path home = folder.resolve("home");

		Launcher.Result run = Launcher.run("run", "nightly", "--date", "2026-11-20", "--home", home.toString(),
				"--inbox", inbox.toString());

		assertThat(run.exitCode()).as(run.output()).isZero();
		Properties readOnly = new Properties();
		readOnly.setProperty("duckdb.read_only", "true");
		try (Connection connection = DriverManager
			.getConnection("jdbc:duckdb:" + home.resolve("warehouse/current.duckdb"), readOnly)) {
			assertThat(count(connection, "status = 'secret_secondary'")).as("secondary cells").isPositive();
			assertThat(RecoverabilityCheck.recoverableSecretCells(connection)).isEmpty();
		}
	}

	private static long count(Connection connection, String where) throws SQLException {
		try (var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT count(*) FROM mart.secrecy_cell "
						+ "WHERE table_id = 'partner_turnover' AND " + where)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void copy(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

}
