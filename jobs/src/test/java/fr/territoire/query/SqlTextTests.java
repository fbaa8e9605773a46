package fr.territoire.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTextTests {

	@Test
	void splitsAtSemicolonsOutsideStringsNamesAndComments() {
		assertThat(SqlText.statements("SELECT 1; SELECT 2;")).containsExactly("SELECT 1", " SELECT 2");
		assertThat(SqlText.statements("SELECT 'a;b', \"c;d\" -- e;f\n/* g;h */ FROM t; ")).hasSize(1);
		assertThat(SqlText.statements("SELECT 'it''s; here'")).hasSize(1);
		assertThat(SqlText.statements("SELECT $$a;b$$, $tag$c;d$tag$")).hasSize(1);
		assertThat(SqlText.statements("SELECT 1; -- only a comment;\n ; ")).hasSize(1);
		assertThat(SqlText.statements(" ; -- nothing")).isEmpty();
	}

	@Test
	void namesTheFirstKeywordAfterCommentsAndParentheses() {
		assertThat(SqlText.firstKeyword("-- note\n/* x */ attach 'a.duckdb'")).isEqualTo("ATTACH");
		assertThat(SqlText.firstKeyword("((SELECT 1))")).isEqualTo("SELECT");
		assertThat(SqlText.firstKeyword("  ")).isEmpty();
	}

}
