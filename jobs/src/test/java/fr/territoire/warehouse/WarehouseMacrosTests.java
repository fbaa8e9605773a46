package fr.territoire.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped macros of {@code warehouse/macros/} that models and mapping rules call.
 */
class WarehouseMacrosTests {

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
	void communeCodeIsFiveDigitsOrCorsicaWithThreeDigits() {
		assertThat(call("commune_code_is_valid('2A004')")).isEqualTo("true");
		assertThat(call("commune_code_is_valid('2B033')")).isEqualTo("true");
		assertThat(call("commune_code_is_valid('75056')")).isEqualTo("true");
		assertThat(call("commune_code_is_valid('7505')")).isEqualTo("false");
		assertThat(call("commune_code_is_valid('2C004')")).isEqualTo("false");
		assertThat(call("commune_code_is_valid('750560')")).isEqualTo("false");
		assertThat(call("commune_code_is_valid(NULL)")).isNull();
	}

	@Test
	void departementCodeAcceptsNinetyEightOnlyWhenAsked() {
		assertThat(call("departement_code_is_valid('01')")).isEqualTo("true");
		assertThat(call("departement_code_is_valid('2A')")).isEqualTo("true");
		assertThat(call("departement_code_is_valid('971')")).isEqualTo("true");
		assertThat(call("departement_code_is_valid('2C')")).isEqualTo("false");
		assertThat(call("departement_code_is_valid('988')")).isEqualTo("false");
		assertThat(call("departement_code_is_valid('988', with_98x := true)")).isEqualTo("true");
		assertThat(call("departement_code_is_valid('2A', with_98x := true)")).isEqualTo("true");
		assertThat(call("departement_code_is_valid('1', with_98x := true)")).isEqualTo("false");
		assertThat(call("departement_code_is_valid(NULL)")).isNull();
	}

	@Test
	void cogVintageIsTheYearOfTheCogFolder() {
		assertThat(call("cog_vintage('cog-2026/communes.json')")).isEqualTo("2026");
		assertThat(call("cog_vintage('partners/cog-2024/v_commune_2024.csv')")).isEqualTo("2024");
		assertThat(call("cog_vintage('communes.json')")).isNull();
		assertThat(call("cog_vintage('mycog-2026/communes.json')")).isNull();
		assertThat(call("cog_vintage_reject('communes.json').rule || ' ' || cog_vintage_reject('communes.json').value"))
			.isEqualTo("vintage communes.json");
	}

	@Test
	void luhnSumOfAnyLength() {
		assertThat(call("luhn_sum('732829320')")).isEqualTo("40");
		assertThat(call("luhn_sum('73282932000074')")).isEqualTo("50");
	}

	private String call(String expression) {
		List<List<String>> rows = Sql.queryRows(this.connection, "SELECT CAST(" + expression + " AS VARCHAR)");
		return rows.get(0).get(0);
	}

}
