package fr.territoire.catalogue;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.config.Definition;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pages show that is read from the release's data: the charts and the glossary
 * (each from its SQL in {@code warehouse/charts/} and {@code warehouse/glossary/}), and
 * the first rows of each dataset. A chart or a glossary group reading a dataset the
 * release does not hold is left out, with a warning in the log.
 */
final class CatalogueContent {

	private static final Logger logger = LoggerFactory.getLogger(CatalogueContent.class);

	/** Rows shown in a dataset's preview. */
	static final int PREVIEW_ROWS = 100;

	/** The dataset of the indicator definitions. */
	static final String INDICATORS = "indicators";

	private CatalogueContent() {
	}

	static List<Chart> charts(ReleaseViews views, List<Definition<ChartSpec>> charts) {
		List<Chart> drawn = new ArrayList<>();
		for (Definition<ChartSpec> chart : charts) {
			try {
				List<List<String>> rows = Sql.queryRows(views.connection(),
						"SELECT CAST(label AS VARCHAR), CAST(value AS DOUBLE) FROM (" + chart.requiredSql() + ")");
				if (rows.isEmpty()) {
					logger.warn("Chart {} left out of the catalogue: its query returns no row", chart.shownAs());
					continue;
				}
				ChartSpec spec = chart.spec();
				drawn.add(new Chart(chart.name(), spec.title(), (spec.description() != null) ? spec.description() : "",
						spec.type(), (spec.unit() != null) ? spec.unit() : "",
						rows.stream().map((row) -> String.valueOf(row.get(0))).toList(),
						rows.stream().map((row) -> (row.get(1) != null) ? Double.valueOf(row.get(1)) : null).toList()));
			}
			catch (TerritoireException ex) {
				logger.warn("Chart {} left out of the catalogue: {}", chart.shownAs(), ex.getMessage());
			}
		}
		return drawn;
	}

	static List<GlossaryGroup> glossary(ReleaseViews views, List<Definition<GlossarySpec>> groups) {
		List<GlossaryGroup> glossary = new ArrayList<>();
		for (Definition<GlossarySpec> group : groups) {
			try {
				List<List<String>> rows = Sql.queryRows(views.connection(), group.requiredSql());
				GlossarySpec spec = group.spec();
				List<GlossaryEntry> entries = rows.stream()
					.filter((row) -> row.get(0) != null)
					.map((row) -> new GlossaryEntry(row.get(0), spec.labels().getOrDefault(row.get(0), ""),
							(row.size() > 1 && row.get(1) != null) ? rows(row.get(1)) : ""))
					.toList();
				if (!entries.isEmpty()) {
					glossary.add(new GlossaryGroup(group.name(), spec.title(),
							(spec.description() != null) ? spec.description() : "", entries));
				}
			}
			catch (TerritoireException ex) {
				logger.warn("Glossary group {} left out of the catalogue: {}", group.shownAs(), ex.getMessage());
			}
		}
		return glossary;
	}

	private static String rows(String count) {
		return count.matches("[0-9]{1,18}") ? PageText.count(Long.parseLong(count)) : count;
	}

	/** The dataset of the alerts (veille), docs/alerts.md. */
	static final String ALERTS = "alerts";

	/**
	 * Every row of the release's {@code alerts} dataset, most severe first (then by tail
	 * probability and key), for {@code alerts.html}; null when the release has no such
	 * dataset.
	 */
	static @Nullable List<Alert> alerts(ReleaseViews views) {
		if (!views.has(ReleaseViews.CURRENT, ALERTS)) {
			return null;
		}
		List<Alert> alerts = new ArrayList<>();
		for (List<String> row : Sql.queryRows(views.connection(),
				"SELECT severity, message, level, territory_code, territory_name, naf_section, event, "
						+ "CAST(window_months AS VARCHAR), CAST(observed AS VARCHAR), "
						+ "CAST(round(expected, 1) AS VARCHAR), printf('%.2g', tail_probability) FROM "
						+ ReleaseViews.view(ReleaseViews.CURRENT, ALERTS)
						+ " ORDER BY CASE severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, tail_probability,"
						+ " alert, source, level, territory_code, naf_section, event, window_months")) {
			List<String> values = row.stream().map((value) -> (value != null) ? value : "").toList();
			alerts.add(new Alert(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
					values.get(5), values.get(6), values.get(7), values.get(8), values.get(9), values.get(10)));
		}
		return alerts;
	}

	/** The first rows of a dataset, in file order, every value as text. */
	static Preview preview(ReleaseViews views, String dataset) {
		if (!views.has(ReleaseViews.CURRENT, dataset)) {
			return new Preview(List.of(), List.of());
		}
		String sql = "SELECT * FROM " + ReleaseViews.view(ReleaseViews.CURRENT, dataset) + " LIMIT " + PREVIEW_ROWS;
		try (Statement statement = views.connection().createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			ResultSetMetaData metaData = result.getMetaData();
			List<String> columns = new ArrayList<>();
			for (int i = 1; i <= metaData.getColumnCount(); i++) {
				columns.add(metaData.getColumnLabel(i));
			}
			List<List<String>> rows = new ArrayList<>();
			while (result.next()) {
				List<String> row = new ArrayList<>(columns.size());
				for (int i = 1; i <= columns.size(); i++) {
					String value = result.getString(i);
					row.add((value != null) ? value : "");
				}
				rows.add(row);
			}
			return new Preview(columns, rows);
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, Location.file(dataset),
					"cannot read the preview of " + dataset + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The labels of the indicators, by id, from the release's {@code indicators} dataset
	 * (none if it is not published).
	 */
	static Map<String, String> indicatorLabels(ReleaseViews views) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (views.has(ReleaseViews.CURRENT, INDICATORS)
				&& views.columns(ReleaseViews.CURRENT, INDICATORS).containsAll(List.of("indicator_id", "label"))) {
			for (List<String> row : Sql.queryRows(views.connection(), "SELECT indicator_id, label FROM "
					+ ReleaseViews.view(ReleaseViews.CURRENT, INDICATORS) + " ORDER BY indicator_id")) {
				labels.put(row.get(0), (row.get(1) != null) ? row.get(1) : "");
			}
		}
		return labels;
	}

	/** The charts' data as the page embeds it. */
	static Map<String, Object> chartData(List<Chart> charts) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("charts", charts);
		return data;
	}

	/**
	 * A chart's data.
	 *
	 * @param name the chart's name (its file name), the id of its element
	 * @param title its heading
	 * @param description what it shows
	 * @param type bar or line
	 * @param unit the unit of the values
	 * @param labels the labels, in order
	 * @param values the values, in the labels' order (null where there is none)
	 */
	record Chart(String name, String title, String description, String type, String unit, List<String> labels,
			List<Double> values) {
	}

	/**
	 * A group of the glossary.
	 *
	 * @param name its name (its file name)
	 * @param title its heading
	 * @param description where the codes appear
	 * @param entries the codes the release uses
	 */
	record GlossaryGroup(String name, String title, String description, List<GlossaryEntry> entries) {
	}

	/**
	 * A code of the glossary.
	 *
	 * @param code the code
	 * @param label what it means, empty if the YAML does not say
	 * @param rows how many rows use it, empty if the SQL does not say
	 */
	record GlossaryEntry(String code, String label, String rows) {
	}

	/**
	 * The first rows of a dataset.
	 * @param columns the column names
	 * @param rows the rows, every value as text (empty for null)
	 */
	/** One alert as {@code alerts.html} shows it, every value as text. */
	record Alert(String severity, String message, String level, String territoryCode, String territoryName,
			String nafSection, String event, String windowMonths, String observed, String expected,
			String tailProbability) {

	}

	record Preview(List<String> columns, List<List<String>> rows) {
	}

}
