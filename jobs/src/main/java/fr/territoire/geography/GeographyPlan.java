package fr.territoire.geography;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.territoire.config.Problem;
import fr.territoire.warehouse.SqlModel;

/**
 * The geography layer in build order: the hand-written models of
 * {@code warehouse/models/geography} in dependency order, with the generated ones
 * inserted right after the models they read ({@code cog_commune}, {@code vintage},
 * {@code commune_passage}), hence before the hand-written models that read them.
 *
 * @param steps the models to build, in order
 */
public record GeographyPlan(List<Step> steps) {

	/** The hand-written models the generated ones read. */
	static final Set<String> PREREQUISITES = Set.of("cog_commune", "vintage", "commune_passage");

	public GeographyPlan {
		steps = List.copyOf(steps);
	}

	public static GeographyPlan of(List<SqlModel> handWritten, List<DeclaredSource> sources) {
		List<Step> steps = new ArrayList<>();
		handWritten.stream().map((model) -> new Step(model, false)).forEach(steps::add);
		List<Step> generated = Stream
			.concat(GeographySql.tables(sources).stream().map((model) -> new Step(model, false)),
					GeographySql.views(sources).stream().map((model) -> new Step(model, true)))
			.toList();
		steps.addAll(insertionPoint(handWritten), generated);
		return new GeographyPlan(steps);
	}

	/**
	 * Generated models named like a hand-written one, or hand-written models built before
	 * the generated tables they read.
	 */
	static List<Problem> problems(List<SqlModel> handWritten, List<DeclaredSource> sources) {
		List<Problem> problems = new ArrayList<>();
		List<String> generated = Stream
			.concat(GeographySql.tables(sources).stream(), GeographySql.views(sources).stream())
			.map(SqlModel::name)
			.toList();
		Pattern reads = Pattern.compile("geography\\.(" + String.join("|", generated) + ")\\b");
		int insertion = insertionPoint(handWritten);
		for (int i = 0; i < handWritten.size(); i++) {
			SqlModel model = handWritten.get(i);
			String shownAs = "warehouse/models/geography/" + model.name() + ".sql";
			if (generated.contains(model.name())) {
				problems.add(Problem.of(shownAs,
						"geography." + model.name() + " is generated from the geography " + "declarations of mappings",
						"remove this file (see territoire check --show-sql geography)"));
			}
			var read = reads.matcher(model.sql());
			if (i < insertion && read.find()) {
				problems.add(Problem.of(shownAs,
						"reads geography." + read.group(1) + ", which is generated after " + "commune_passage",
						"add commune_passage to its depends_on"));
			}
		}
		return problems;
	}

	/** Right after the last prerequisite, or at the end when one is missing. */
	private static int insertionPoint(List<SqlModel> handWritten) {
		int last = -1;
		for (int i = 0; i < handWritten.size(); i++) {
			if (PREREQUISITES.contains(handWritten.get(i).name())) {
				last = i;
			}
		}
		long found = handWritten.stream().filter((model) -> PREREQUISITES.contains(model.name())).count();
		return (found == PREREQUISITES.size()) ? last + 1 : handWritten.size();
	}

	/** The names of the steps, in order (for logs and tests). */
	public String describe() {
		return this.steps.stream().map((step) -> step.model().name()).collect(Collectors.joining(", "));
	}

	/**
	 * A model to build.
	 *
	 * @param model the model
	 * @param view whether it is a view (computed when read) rather than a table
	 */
	public record Step(SqlModel model, boolean view) {

		public Step {
			Objects.requireNonNull(model, "model is null");
		}

	}

}
