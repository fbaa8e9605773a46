package fr.territoire.alert;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import fr.territoire.support.SampleExpectations;
import fr.territoire.warehouse.MacroCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tails of the alerts (warehouse/macros: poisson_upper_tail, poisson_lower_tail,
 * negative_binomial_upper_tail, negative_binomial_lower_tail) against sums of the
 * distributions' terms computed here in plain Java, each term from the one before by the
 * ratio of successive probabilities (no lgamma), in log space so that tails of 1e-40 keep
 * their digits; and the French sentence of an alert ({@code flow_alert_sentence}).
 */
class AlertTailMacrosTests {

	private static final double[][] POISSON_CASES = { { 42, 14 }, { 15, 5 }, { 5, 5 }, { 0, 3 }, { 1, 0.5 },
			{ 10, 1.3 }, { 3, 20 }, { 30, 20 }, { 255, 85 }, { 60, 85 }, { 2000, 1500 }, { 1200, 1500 }, { 11, 2.2 } };

	private static final double[][] NEGATIVE_BINOMIAL_CASES = { { 42, 14, 21 }, { 15, 5, 3 }, { 5, 5, 3 }, { 0, 2, 1 },
			{ 3, 20, 2 }, { 30, 20, 9.5 }, { 255, 85, 60 }, { 60, 85, 60 }, { 11, 2.2, 9.8 }, { 500, 100, 4 },
			{ 2000, 1500, 800 } };

	private Connection connection;

	@BeforeEach
	void createMacros() throws SQLException {
		this.connection = DriverManager.getConnection("jdbc:duckdb:");
		MacroCatalog macros = MacroCatalog.load(SampleExpectations.PROJECT);
		assertThat(macros.problems()).isEmpty();
		macros.create(this.connection);
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void poissonTailsAreTheSumsOfThePoissonTerms() throws SQLException {
		for (double[] c : POISSON_CASES) {
			int k = (int) c[0];
			double mean = c[1];
			double[] log = poissonLogTerms(mean, k + 100_000);
			assertClose(call("poisson_upper_tail(%d, %s)", k, mean), sum(log, k, log.length), "P(X >= %d | %s)", k,
					mean);
			assertClose(call("poisson_lower_tail(%d, %s)", k, mean), sum(log, 0, k + 1), "P(X <= %d | %s)", k, mean);
		}
	}

	@Test
	void negativeBinomialTailsAreTheSumsOfItsTerms() throws SQLException {
		for (double[] c : NEGATIVE_BINOMIAL_CASES) {
			int k = (int) c[0];
			double mean = c[1];
			double size = c[2];
			double[] log = negativeBinomialLogTerms(mean, size, k + 200_000);
			assertClose(call("negative_binomial_upper_tail(%d, %s, %s)", k, mean, size), sum(log, k, log.length),
					"P(X >= %d | %s, %s)", k, mean, size);
			assertClose(call("negative_binomial_lower_tail(%d, %s, %s)", k, mean, size), sum(log, 0, k + 1),
					"P(X <= %d | %s, %s)", k, mean, size);
		}
	}

	@Test
	void aLargeSizeGivesThePoissonTail() throws SQLException {
		double poisson = call("poisson_upper_tail(42, 14.0)");
		assertThat(call("negative_binomial_upper_tail(42, 14.0, 1e7)")).as("negative binomial of size 1e7")
			.isCloseTo(poisson, within(poisson * 1e-4));
	}

	@Test
	void edgeCases() throws SQLException {
		assertThat(call("poisson_upper_tail(0, 3.0)")).isEqualTo(1.0);
		assertThat(call("poisson_upper_tail(2, 0.0)")).isEqualTo(0.0);
		assertThat(call("poisson_lower_tail(-1, 3.0)")).isEqualTo(0.0);
		assertThat(call("poisson_lower_tail(0, 2.0)")).isCloseTo(Math.exp(-2), within(1e-15));
		// geometric: P(X = 0) = r / (r + m) = 1 / 3
		assertThat(call("negative_binomial_lower_tail(0, 2.0, 1.0)")).isCloseTo(1.0 / 3, within(1e-15));
	}

	@Test
	void sentenceNamesTheEventTheWindowTheTerritoryAndTheFigures() throws SQLException {
		assertThat(text("flow_alert_sentence('closure', '*', 3, DATE '2025-08-01', DATE '2025-10-01', 'epci', "
				+ "'CA du Grand Nancy', 42, 14.0, 3.0)"))
			.isEqualTo("Fermetures des 3 derniers mois (août à octobre 2025) dans CA du Grand Nancy : 42 contre 14 "
					+ "attendues (× 3,0)");
		assertThat(text("flow_alert_sentence('creation', 'C', 3, DATE '2024-12-01', DATE '2025-02-01', "
				+ "'departement', 'Bas-Rhin', 5, 20.46, 0.244)"))
			.isEqualTo("Créations de la section C (NAF) des 3 derniers mois (décembre 2024 à février 2025) dans le "
					+ "département Bas-Rhin : 5 contre 20 attendues (× 0,2)");
		assertThat(text("flow_alert_sentence('closure', '*', 1, DATE '2025-10-01', DATE '2025-10-01', 'commune', "
				+ "'Strasbourg', 30, 9.6, 3.125)"))
			.isEqualTo("Fermetures du dernier mois (octobre 2025) à Strasbourg : 30 contre 10 attendues (× 3,1)");
	}

	private String text(String expression) throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT " + expression)) {
			result.next();
			return result.getString(1);
		}
	}

	/** ln P(X = i) for i = 0..n-1, by P(i + 1) = P(i) m / (i + 1). */
	private static double[] poissonLogTerms(double mean, int n) {
		double[] log = new double[n];
		log[0] = -mean;
		for (int i = 1; i < n; i++) {
			log[i] = log[i - 1] + Math.log(mean) - Math.log(i);
		}
		return log;
	}

	/**
	 * ln P(X = i) for i = 0..n-1, by P(0) = (r / (r + m))^r and P(i + 1) = P(i) (i + r) /
	 * (i + 1) m / (r + m).
	 */
	private static double[] negativeBinomialLogTerms(double mean, double size, int n) {
		double[] log = new double[n];
		log[0] = size * Math.log(size / (size + mean));
		for (int i = 1; i < n; i++) {
			log[i] = log[i - 1] + Math.log(i - 1 + size) - Math.log(i) + Math.log(mean / (size + mean));
		}
		return log;
	}

	/** The sum of exp(log[i]) for i in [from, to), scaled by the largest term. */
	private static double sum(double[] log, int from, int to) {
		double max = Double.NEGATIVE_INFINITY;
		for (int i = from; i < to; i++) {
			max = Math.max(max, log[i]);
		}
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += Math.exp(log[i] - max);
		}
		return Math.min(1.0, sum * Math.exp(max));
	}

	private static void assertClose(double actual, double expected, String what, Object... arguments) {
		String description = String.format(Locale.ROOT, what, arguments);
		if (expected > 1e-3) {
			assertThat(actual).as(description).isCloseTo(expected, within(1e-9));
		}
		else {
			assertThat(actual).as(description).isCloseTo(expected, within(expected * 1e-9));
		}
	}

	private double call(String expression, Object... arguments) throws SQLException {
		String sql = "SELECT " + String.format(Locale.ROOT, expression, arguments);
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getDouble(1);
		}
	}

}
