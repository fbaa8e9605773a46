package fr.territoire.query.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsTests {

	@Test
	void cutsAtEachSemicolonAndKeepsTheUnfinishedRest() {
		Statements statements = Statements.split("SELECT 1; SELECT 2;\nSELECT 3,\n");
		assertThat(statements.complete()).containsExactly("SELECT 1", "SELECT 2");
		assertThat(statements.remainder()).isEqualTo("\nSELECT 3,\n");
	}

	@Test
	void ignoresSemicolonsInQuotesAndComments() {
		Statements statements = Statements
			.split("SELECT 'a;b' AS \"x;y\" -- c;d\n/* e;f */ FROM t; SELECT 'it''s;';\n");
		assertThat(statements.complete()).containsExactly("SELECT 'a;b' AS \"x;y\" -- c;d\n/* e;f */ FROM t",
				"SELECT 'it''s;'");
		assertThat(statements.remainder()).isEmpty();
	}

	@Test
	void waitsForTheEndOfAnOpenQuote() {
		Statements statements = Statements.split("SELECT 'a;\n");
		assertThat(statements.complete()).isEmpty();
		assertThat(statements.remainder()).isEqualTo("SELECT 'a;\n");
	}

	@Test
	void dropsEmptyStatements() {
		assertThat(Statements.split(";; ;\n").complete()).isEmpty();
	}

}
