package fr.territoire.query;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format on the same real DuckDB result: integers, a decimal, a double, booleans,
 * nulls, a list, a struct, a date and text with a comma, a quote, a line break and a
 * pipe.
 */
class ResultPrinterTests {

	static final String QUERY = """
			SELECT 383569::BIGINT AS population, 2.50::DECIMAL(10,2) AS rate, 67808450.0::DOUBLE AS area,
				true AS active, NULL::INTEGER AS missing, [1, 2] AS codes, {'code': '01001', 'rank': 3} AS commune,
				DATE '2024-01-02' AS day, 'Saint-Denis, "Réunion"' AS name
			UNION ALL
			SELECT -7, 0.05, 0.5, false, 4, [], {'code': 'a|b', 'rank': NULL}, NULL,
				'line one' || chr(10) || 'line two' || chr(13) || chr(9) || 'end'
			""";

	@Test
	void csvQuotesCommasQuotesAndLineBreaksAndPrintsPlainNumbers() throws SQLException {
		assertThat(print(OutputFormat.CSV, QUERY)).isEqualTo("""
				population,rate,area,active,missing,codes,commune,day,name
				383569,2.50,67808450,true,,"[1, 2]","{'code': 01001, 'rank': 3}",2024-01-02,"Saint-Denis, ""Réunion\"""
				-7,0.05,0.5,false,4,[],"{'code': a|b, 'rank': NULL}",,"line one
				line two\r\tend"
				""");
	}

	@Test
	void csvPrintsDoublesInPlainDecimalFormAndIntegersAsIntegers() throws SQLException {
		assertThat(print(OutputFormat.CSV, """
				SELECT 6.780845E7::DOUBLE AS a, 3944::DOUBLE AS b, 1e-5::DOUBLE AS c, 1e20::DOUBLE AS d,
					-0.0::DOUBLE AS e, 'inf'::DOUBLE AS f, 1.5::FLOAT AS g, 383569::INTEGER AS h,
					1234567890123456789012::HUGEINT AS i
				""")).isEqualTo("""
				a,b,c,d,e,f,g,h,i
				67808450,3944,0.00001,100000000000000000000,0,Infinity,1.5,383569,1234567890123456789012
				""");
	}

	@Test
	void tableKeepsEachRowOnOneLineAndAlignsNumbersRight() throws SQLException {
		assertThat(print(OutputFormat.TABLE, QUERY)).isEqualTo(
				"""
						population  rate  area      active  missing  codes   commune                      day         name
						----------  ----  --------  ------  -------  ------  ---------------------------  ----------  -------------------------
						    383569  2.50  67808450  true       NULL  [1, 2]  {'code': 01001, 'rank': 3}   2024-01-02  Saint-Denis, "Réunion"
						        -7  0.05       0.5  false         4  []      {'code': a|b, 'rank': NULL}  NULL        line one\\nline two\\r\\tend
						(2 rows)
						""");
	}

	@Test
	void markdownEscapesPipesAndLineBreaks() throws SQLException {
		assertThat(print(OutputFormat.MARKDOWN, QUERY)).isEqualTo(
				"""
						| population | rate | area | active | missing | codes | commune | day | name |
						| --- | --- | --- | --- | --- | --- | --- | --- | --- |
						| 383569 | 2.50 | 67808450 | true |  | [1, 2] | {'code': 01001, 'rank': 3} | 2024-01-02 | Saint-Denis, "Réunion" |
						| -7 | 0.05 | 0.5 | false | 4 | [] | {'code': a\\|b, 'rank': NULL} |  | line one<br>line two<br>\tend |
						""");
	}

	@Test
	void jsonKeepsSqlTypesOneRowPerLine() throws SQLException {
		assertThat(print(OutputFormat.JSON, QUERY)).isEqualTo(
				"""
						[
						{"population":383569,"rate":2.50,"area":67808450,"active":true,"missing":null,"codes":[1,2],"commune":{"code":"01001","rank":3},"day":"2024-01-02","name":"Saint-Denis, \\"Réunion\\""},
						{"population":-7,"rate":0.05,"area":0.5,"active":false,"missing":4,"codes":[],"commune":{"code":"a|b","rank":null},"day":null,"name":"line one\\nline two\\r\\tend"}
						]
						""");
	}

	@Test
	void jsonReadBackHasTheSqlTypes() throws SQLException {
		JsonNode rows = new JsonMapper().readTree(print(OutputFormat.JSON, QUERY));
		assertThat(rows.isArray()).isTrue();
		assertThat(rows.size()).isEqualTo(2);
		JsonNode first = rows.get(0);
		assertThat(first.get("population").isIntegralNumber()).isTrue();
		assertThat(first.get("population").longValue()).isEqualTo(383569L);
		assertThat(first.get("rate").isNumber()).isTrue();
		assertThat(first.get("rate").decimalValue()).isEqualByComparingTo(new BigDecimal("2.5"));
		assertThat(first.get("area").isNumber()).isTrue();
		assertThat(first.get("area").doubleValue()).isEqualTo(67808450.0);
		assertThat(first.get("active").isBoolean()).isTrue();
		assertThat(first.get("active").booleanValue()).isTrue();
		assertThat(first.get("missing").isNull()).isTrue();
		assertThat(first.get("codes").isArray()).isTrue();
		assertThat(first.get("codes").get(1).intValue()).isEqualTo(2);
		assertThat(first.get("commune").isObject()).isTrue();
		assertThat(first.get("commune").get("code").isString()).isTrue();
		assertThat(first.get("commune").get("code").stringValue()).isEqualTo("01001");
		assertThat(first.get("commune").get("rank").intValue()).isEqualTo(3);
		assertThat(first.get("day").stringValue()).isEqualTo("2024-01-02");
		assertThat(first.get("name").stringValue()).isEqualTo("Saint-Denis, \"Réunion\"");
		assertThat(rows.get(1).get("name").stringValue()).isEqualTo("line one\nline two\r\tend");
		assertThat(rows.get(1).get("commune").get("rank").isNull()).isTrue();
	}

	@Test
	void jsonPrintsHugeIntegersTimestampsAndNestedListsExactly() throws SQLException {
		assertThat(print(OutputFormat.JSON, """
				SELECT 170141183460469231731687303715884105727::HUGEINT AS huge,
					123456789012345678.123456789::DECIMAL(38,9) AS exact, TIMESTAMP '2024-01-02 03:04:05' AS at,
					[{'x': [1.5, NULL]}] AS nested, MAP {'k': 1} AS map, 'nan'::DOUBLE AS nan
				""")).isEqualTo(
				"""
						[
						{"huge":170141183460469231731687303715884105727,"exact":123456789012345678.123456789,"at":"2024-01-02T03:04:05","nested":[{"x":[1.5,null]}],"map":{"k":1},"nan":"NaN"}
						]
						""");
	}

	@Test
	void jsonOfNoRowsIsAnEmptyArray() throws SQLException {
		assertThat(print(OutputFormat.JSON, "SELECT 1 AS one WHERE false")).isEqualTo("[]\n");
	}

	@Test
	void tableWidthsComeFromTheFirstRowsAndLaterWiderValuesAreCut() throws SQLException {
		assertThat(print(new TablePrinter(2), "SELECT range AS n, repeat('x', range::INTEGER) AS text FROM range(6)"))
			.isEqualTo("""
					n  text
					-  ----
					0
					1  x
					2  xx
					3  xxx
					4  xxxx
					5  xxx…
					(6 rows)
					""");
	}

	@Test
	void tableCutsValuesWiderThanTheLargestWidth() throws SQLException {
		String line = print(OutputFormat.TABLE, "SELECT repeat('y', 100) AS text").lines()
			.skip(2)
			.findFirst()
			.orElseThrow();
		assertThat(line).isEqualTo("y".repeat(TablePrinter.MAX_WIDTH - 1) + "…");
	}

	static String print(OutputFormat format, String sql) throws SQLException {
		return print(ResultPrinter.of(format), sql);
	}

	static String print(ResultPrinter printer, String sql) throws SQLException {
		StringWriter text = new StringWriter();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			PrintWriter out = new PrintWriter(text);
			printer.print(result, out);
			out.flush();
		}
		return text.toString();
	}

}
