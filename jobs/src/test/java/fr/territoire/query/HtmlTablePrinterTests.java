package fr.territoire.query;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML table of the run report, on a real DuckDB result.
 */
class HtmlTablePrinterTests {

	@Test
	void escapesTextRightAlignsNumbersAndSaysHowManyRowsAreLeftOut() throws SQLException {
		String html = ResultPrinterTests.print(new HtmlTablePrinter(2), """
				SELECT * FROM (VALUES (1, 67808450.0::DOUBLE, 3944::BIGINT, '<b>&"x"</b>', NULL::VARCHAR),
					(2, 0.5, 2, 'a' || chr(10) || 'b', 'y'), (3, 1, 1, 'z', 'z'), (4, 1, 1, 'z', 'z'))
					AS t(n, area, jobs, label, note) ORDER BY n
				""");
		assertThat(html).isEqualTo("<table><tr><th>n</th><th>area</th><th>jobs</th><th>label</th><th>note</th></tr>"
				+ "<tr><td class=\"n\">1</td><td class=\"n\">67808450</td><td class=\"n\">3944</td>"
				+ "<td>&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</td><td></td></tr>"
				+ "<tr><td class=\"n\">2</td><td class=\"n\">0.5</td><td class=\"n\">2</td><td>a\nb</td><td>y</td></tr>"
				+ "</table><p>… and 2 more rows</p>");
	}

	@Test
	void printsEveryRowWithinTheLimitAndNoMoreParagraph() throws SQLException {
		assertThat(ResultPrinterTests.print(new HtmlTablePrinter(5), "SELECT 'x' AS a"))
			.isEqualTo("<table><tr><th>a</th></tr><tr><td>x</td></tr></table>");
	}

	@Test
	void printsRowsThatAreNotAQueryResult() {
		StringWriter html = new StringWriter();
		long rows = new HtmlTablePrinter(1).print(List.of("step", "read"),
				List.of(Arrays.asList("ingest", 12L), Arrays.asList("report", null)), new PrintWriter(html, true));
		assertThat(rows).isEqualTo(2);
		assertThat(html.toString()).isEqualTo("<table><tr><th>step</th><th>read</th></tr>"
				+ "<tr><td>ingest</td><td class=\"n\">12</td></tr></table><p>… and 1 more row</p>");
	}

}
