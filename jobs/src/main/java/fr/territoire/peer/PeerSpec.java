package fr.territoire.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.config.Problem;
import fr.territoire.config.ProjectFolders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The statistical nearest neighbours ({@code warehouse/peers.yaml}): how many neighbours
 * each territory gets, the levels they are found at (and the group a neighbour must
 * share, for communes their density level), and the features compared.
 *
 * @param k the number of neighbours of each territory
 * @param levels the levels, each with its optional grouping
 * @param features the features, each an indicator of {@code mart.indicator_value}
 */
public record PeerSpec(@JsonDeserialize(using = PeerValues.NeighbourCount.class) int k, List<Level> levels,
		List<Feature> features) {

	/** The most neighbours a territory may get. */
	public static final int MAX_K = 100;

	/** The levels neighbours are found at. */
	public static final List<String> LEVELS = List.of("commune", "epci", "departement", "region");

	/**
	 * The columns of {@code core.territory_peer_group} a level may be grouped by.
	 */
	public static final List<String> GROUP_COLUMNS = List.of("density_level", "size_class", "peer_group");

	/** The dimensions of {@code mart.indicator_value} a feature may spread over. */
	public static final List<String> DIMENSIONS = List.of("naf_section", "naf_division");

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	public PeerSpec {
		if (k < 1 || k > MAX_K) {
			throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", not " + k);
		}
		if (levels == null || levels.isEmpty()) {
			throw new IllegalArgumentException("levels must list at least one level");
		}
		if (features == null || features.isEmpty()) {
			throw new IllegalArgumentException("features must list at least one feature");
		}
		levels = List.copyOf(levels);
		features = List.copyOf(features);
		Set<String> seen = new HashSet<>();
		for (Level level : levels) {
			if (!seen.add(level.level())) {
				throw new IllegalArgumentException("level '" + level.level() + "' is listed twice");
			}
		}
		seen.clear();
		for (Feature feature : features) {
			if (!seen.add(feature.name())) {
				throw new IllegalArgumentException("feature '" + feature.name() + "' is listed twice");
			}
		}
	}

	/** The contribution column of each feature, in the order of the features. */
	public List<String> contributionColumns() {
		return this.features.stream().map(Feature::contributionColumn).toList();
	}

	/**
	 * A level where neighbours are found.
	 *
	 * @param level commune, epci, departement or region
	 * @param groupBy the column of {@code core.territory_peer_group} a neighbour must
	 * share (e.g. {@code density_level}); null for the whole level
	 */
	public record Level(@JsonDeserialize(using = PeerValues.LevelName.class) String level,
			@JsonProperty("group_by") @JsonDeserialize(using = PeerValues.GroupColumn.class) @Nullable String groupBy) {

		public Level {
			Objects.requireNonNull(level, "level is required");
			if (!LEVELS.contains(level)) {
				throw new IllegalArgumentException("unknown level '" + level + "': neighbours are found at one of "
						+ LEVELS + " (France is a single territory)");
			}
			if (groupBy != null && !GROUP_COLUMNS.contains(groupBy)) {
				throw new IllegalArgumentException("group_by '" + groupBy
						+ "' is not a column of core.territory_peer_group; known: " + GROUP_COLUMNS);
			}
		}

	}

	/**
	 * A feature compared between territories.
	 *
	 * @param name its name, giving the column {@code contribution_<name>}
	 * @param indicator the indicator id of {@code mart.indicator_value}
	 * @param dimension null for the indicator's total ({@code dimension = 'none'}), or a
	 * dimension whose every code is a coordinate (the weight spread evenly over them)
	 * @param transform {@code none} or {@code log} (log(1 + x)); none when absent
	 * @param weight its weight in the distance, positive
	 */
	public record Feature(String name, String indicator,
			@JsonDeserialize(using = PeerValues.Dimension.class) @Nullable String dimension,
			@Nullable Transform transform, @JsonDeserialize(using = PeerValues.Weight.class) double weight,
			@Nullable String period) {

		/** Which period of the indicator is read. */
		public static final List<String> PERIODS = List.of("latest", "previous");

		public Feature(String name, String indicator, @Nullable String dimension, @Nullable Transform transform,
				double weight) {
			this(name, indicator, dimension, transform, weight, null);
		}

		public Feature {
			Objects.requireNonNull(name, "name is required");
			Objects.requireNonNull(indicator, "indicator is required");
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("feature name '" + name + "' must be lower-case snake case");
			}
			if (dimension != null && !DIMENSIONS.contains(dimension)) {
				throw new IllegalArgumentException(
						"unknown dimension '" + dimension + "' of feature '" + name + "'; known: " + DIMENSIONS);
			}
			transform = (transform != null) ? transform : Transform.NONE;
			period = (period != null) ? period : "latest";
			if (!PERIODS.contains(period)) {
				throw new IllegalArgumentException("period of feature '" + name + "' must be latest (the latest "
						+ "period with values) or previous (the one before it, for a series whose latest period is "
						+ "partial), not '" + period + "'");
			}
			if (!(weight > 0) || Double.isInfinite(weight)) {
				throw new IllegalArgumentException(
						"the weight of feature '" + name + "' must be a positive number, not " + weight);
			}
		}

		/** The column of {@code mart.territory_peer} holding its contribution. */
		public String contributionColumn() {
			return "contribution_" + this.name;
		}

		/** The {@code dimension} value of its rows in {@code mart.indicator_value}. */
		public String dimensionOrNone() {
			return (this.dimension != null) ? this.dimension : "none";
		}

	}

	/** How a value is transformed before it is standardised. */
	public enum Transform {

		/** The value itself. */
		@JsonProperty("none")
		NONE,

		/** log(1 + x), for counts and rates spread over orders of magnitude. */
		@JsonProperty("log")
		LOG;

		/** The transformed value; NaN when it has none (log of x ≤ −1). */
		public double apply(double value) {
			return (this == LOG) ? ((value > -1) ? Math.log1p(value) : Double.NaN) : value;
		}

	}

	/**
	 * Loads {@code warehouse/peers.yaml} (or {@code .yml}); problems go to the list.
	 * @return the specification, or null when it is missing or invalid
	 */
	public static @Nullable PeerSpec load(Path project, List<Problem> problems) {
		Path folder = ProjectFolders.of(project).warehouse();
		if (!Files.isRegularFile(folder.resolve("peers.yaml")) && !Files.isRegularFile(folder.resolve("peers.yml"))) {
			problems.add(Problem.of("warehouse/peers.yaml", "missing",
					"declare the statistical nearest neighbours (k, levels, features) in warehouse/peers.yaml"));
			return null;
		}
		return DefinitionFolder.readFile(project, folder, "peers", PeerSpec.class, problems::add);
	}

}
