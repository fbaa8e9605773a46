package fr.territoire.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiretMacrosTests {

	private Connection connection;

	@BeforeEach
	void openDuckDb() throws SQLException {
		this.connection = DriverManager.getConnection("jdbc:duckdb:");
		MacroCatalog.load(SampleExpectations.PROJECT).create(this.connection);
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void acceptsSiretWithValidLuhnKey() {
		assertThat(valid("siret", "73282932000074")).isTrue();
		assertThat(valid("siret", "02638021200147")).isTrue();
	}

	@Test
	void rejectsSiretWithBadChecksum() {
		assertThat(valid("siret", "73282932000075")).isFalse();
	}

	@Test
	void rejectsSiretThatIsNotFourteenDigits() {
		assertThat(valid("siret", "7328293200007")).isFalse();
		assertThat(valid("siret", "7328293200007A")).isFalse();
		assertThat(valid("siret", "")).isFalse();
	}

	@Test
	void acceptsLaPosteEstablishmentWhoseDigitsSumToMultipleOfFive() {
		// fails Luhn, passes La Poste's rule (DOMAIN.md §2)
		assertThat(valid("siret", "35600000049837")).isTrue();
	}

	@Test
	void checksLaPosteHeadOfficeWithLuhn() {
		assertThat(valid("siret", "35600000000048")).isTrue();
		assertThat(valid("siret", "35600000000049")).isFalse();
	}

	@Test
	void checksSirenWithLuhn() {
		assertThat(valid("siren", "732829320")).isTrue();
		assertThat(valid("siren", "732829321")).isFalse();
		assertThat(valid("siren", "356000000")).isTrue();
	}

	@Test
	void treatsNullAsInvalid() {
		assertThat(Sql.queryRows(this.connection, "SELECT siret_is_valid(NULL)").get(0).get(0)).isEqualTo("false");
	}

	private boolean valid(String kind, String value) {
		return Boolean
			.parseBoolean(Sql.queryRows(this.connection, "SELECT " + kind + "_is_valid(?)", value).get(0).get(0));
	}

}
