package fr.territoire.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.territoire.warehouse.Sql;
import org.jspecify.annotations.Nullable;

/**
 * {@code changes.json}: what changed since the previous release (the one {@code latest}
 * pointed at when the release was described). Rows added and removed are counted by
 * primary key where the data package declares one (anti-joins of the two releases'
 * Parquet files), else from the row counts; indicators moved compare
 * {@code indicator_values_france} value by value.
 *
 * @param previousRelease the previous release's id, null on a first release
 * @param datasets one entry per dataset of either release
 * @param indicatorsMoved France values that differ (or appear, or disappear)
 */
public record ReleaseChanges(@JsonProperty("previous_release") @Nullable String previousRelease,
		List<DatasetChange> datasets, @JsonProperty("indicators_moved") List<IndicatorMove> indicatorsMoved) {

	/** The dataset of France's indicator values. */
	static final String FRANCE_VALUES = "indicator_values_france";

	private static final List<String> INDICATOR_KEY = List.of("indicator_id", "period", "dimension_code");

	public ReleaseChanges {
		datasets = List.copyOf(datasets);
		indicatorsMoved = List.copyOf(indicatorsMoved);
	}

	/** The changes of a first release: none to compare with. */
	static ReleaseChanges first() {
		return new ReleaseChanges(null, List.of(), List.of());
	}

	static ReleaseChanges compare(ReleaseViews views, PublishedRelease release, PublishedRelease previous) {
		List<DatasetChange> datasets = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		release.datasets().forEach((dataset) -> names.add(dataset.name()));
		previous.datasets().forEach((dataset) -> names.add(dataset.name()));
		for (String name : names) {
			datasets.add(dataset(views, name, release.dataset(name).orElse(null), previous.dataset(name).orElse(null)));
		}
		return new ReleaseChanges(previous.id(), datasets, indicatorsMoved(views));
	}

	private static DatasetChange dataset(ReleaseViews views, String name, PublishedRelease.@Nullable Dataset now,
			PublishedRelease.@Nullable Dataset before) {
		long rowsAfter = (now != null) ? now.rows() : 0;
		long rowsBefore = (before != null) ? before.rows() : 0;
		boolean bothRead = views.has(ReleaseViews.CURRENT, name) && views.has(ReleaseViews.PREVIOUS, name);
		List<String> columnsNow = columns(views, ReleaseViews.CURRENT, name, now);
		List<String> columnsBefore = columns(views, ReleaseViews.PREVIOUS, name, before);
		List<String> added = columnsNow.stream().filter((column) -> !columnsBefore.contains(column)).toList();
		List<String> removed = columnsBefore.stream().filter((column) -> !columnsNow.contains(column)).toList();
		List<String> key = (now != null) ? now.primaryKey() : List.of();
		if (bothRead && !key.isEmpty() && columnsNow.containsAll(key) && columnsBefore.containsAll(key)) {
			return new DatasetChange(name, rowsBefore, rowsAfter,
					missingFrom(views, name, ReleaseViews.CURRENT, ReleaseViews.PREVIOUS, key),
					missingFrom(views, name, ReleaseViews.PREVIOUS, ReleaseViews.CURRENT, key), added, removed);
		}
		return new DatasetChange(name, rowsBefore, rowsAfter, Math.max(0, rowsAfter - rowsBefore),
				Math.max(0, rowsBefore - rowsAfter), added, removed);
	}

	/** Rows of {@code from} whose key is not in {@code other}. */
	private static long missingFrom(ReleaseViews views, String name, String from, String other, List<String> key) {
		String on = key.stream()
			.map((column) -> "a." + Sql.identifier(column) + " IS NOT DISTINCT FROM b." + Sql.identifier(column))
			.collect(Collectors.joining(" AND "));
		return Sql.queryLong(views.connection(), "SELECT count(*) FROM " + ReleaseViews.view(from, name)
				+ " AS a ANTI JOIN " + ReleaseViews.view(other, name) + " AS b ON " + on);
	}

	/**
	 * The columns of a dataset: read from its Parquet files, else as its schema lists
	 * them.
	 */
	private static List<String> columns(ReleaseViews views, String schema, String name,
			PublishedRelease.@Nullable Dataset dataset) {
		if (views.has(schema, name)) {
			return views.columns(schema, name);
		}
		return (dataset != null) ? dataset.fields().stream().map(PublishedRelease.Field::name).toList() : List.of();
	}

	private static List<IndicatorMove> indicatorsMoved(ReleaseViews views) {
		if (!views.has(ReleaseViews.CURRENT, FRANCE_VALUES) || !views.has(ReleaseViews.PREVIOUS, FRANCE_VALUES)
				|| !views.columns(ReleaseViews.PREVIOUS, FRANCE_VALUES).containsAll(INDICATOR_KEY)) {
			return List.of();
		}
		String on = INDICATOR_KEY.stream()
			.map((column) -> "a." + column + " IS NOT DISTINCT FROM b." + column)
			.collect(Collectors.joining(" AND "));
		String select = INDICATOR_KEY.stream()
			.map((column) -> "CAST(coalesce(a." + column + ", b." + column + ") AS VARCHAR)")
			.collect(Collectors.joining(", "));
		List<IndicatorMove> moves = new ArrayList<>();
		for (List<String> row : Sql.queryRows(views.connection(),
				"SELECT " + select + ", CAST(b.value AS VARCHAR), CAST(a.value AS VARCHAR) FROM "
						+ ReleaseViews.view(ReleaseViews.CURRENT, FRANCE_VALUES) + " AS a FULL JOIN "
						+ ReleaseViews.view(ReleaseViews.PREVIOUS, FRANCE_VALUES) + " AS b ON " + on
						+ " WHERE a.value IS DISTINCT FROM b.value ORDER BY 1, 2, 3")) {
			moves.add(new IndicatorMove(row.get(0), row.get(1), row.get(2), number(row.get(3)), number(row.get(4))));
		}
		return moves;
	}

	private static @Nullable BigDecimal number(@Nullable String value) {
		return (value != null) ? new BigDecimal(new BigDecimal(value).stripTrailingZeros().toPlainString()) : null;
	}

	/** Whether anything changed. */
	public boolean any() {
		return !this.indicatorsMoved.isEmpty() || this.datasets.stream().anyMatch(DatasetChange::changed);
	}

	/**
	 * What changed in one dataset.
	 *
	 * @param name the dataset
	 * @param rowsBefore its rows in the previous release (0 if it was not there)
	 * @param rowsAfter its rows now (0 if it is no longer there)
	 * @param rowsAdded rows whose key is new (by count without a primary key)
	 * @param rowsRemoved rows whose key is gone (by count without a primary key)
	 * @param columnsAdded columns new in this release
	 * @param columnsRemoved columns no longer there
	 */
	public record DatasetChange(String name, @JsonProperty("rows_before") long rowsBefore,
			@JsonProperty("rows_after") long rowsAfter, @JsonProperty("rows_added") long rowsAdded,
			@JsonProperty("rows_removed") long rowsRemoved, @JsonProperty("columns_added") List<String> columnsAdded,
			@JsonProperty("columns_removed") List<String> columnsRemoved) {

		/** Whether anything changed. */
		public boolean changed() {
			return this.rowsAdded != 0 || this.rowsRemoved != 0 || this.rowsBefore != this.rowsAfter
					|| !this.columnsAdded.isEmpty() || !this.columnsRemoved.isEmpty();
		}

	}

	/**
	 * A France value that moved.
	 *
	 * @param indicatorId the indicator
	 * @param period its period, as text
	 * @param dimensionCode the code of its dimension ({@code _T} for a total)
	 * @param before the previous value, null if none
	 * @param after the value now, null if none
	 */
	public record IndicatorMove(@JsonProperty("indicator_id") String indicatorId, String period,
			@JsonProperty("dimension_code") String dimensionCode, @Nullable BigDecimal before,
			@Nullable BigDecimal after) {
	}

}
