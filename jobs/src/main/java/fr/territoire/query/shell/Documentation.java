package fr.territoire.query.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.SqlModel;
import org.jspecify.annotations.Nullable;

/**
 * What {@code .docs} prints: the description, grain and columns of the tables the models
 * of the project build, read from their YAML the first time it is asked.
 */
final class Documentation {

	private final Path project;

	private @Nullable List<SqlModel> models;

	Documentation(Path project) {
		this.project = project;
	}

	/**
	 * Prints a table's documentation, or the documented tables.
	 * @param name {@code schema.name}, a bare name, or empty for the list
	 * @param out where to print
	 */
	void print(String name, PrintWriter out) {
		if (name.isEmpty()) {
			for (SqlModel model : models()) {
				out.println(model.table() + "  " + firstLine(model.spec().description()));
			}
			return;
		}
		List<SqlModel> found = models().stream()
			.filter((model) -> model.table().equalsIgnoreCase(name) || model.name().equalsIgnoreCase(name))
			.toList();
		if (found.isEmpty()) {
			out.println("no model documents " + name + ": .docs lists the documented tables");
		}
		for (SqlModel model : found) {
			ModelSpec spec = model.spec();
			out.println(model.table());
			out.println("  " + spec.description().strip().replace("\n", "\n  "));
			out.println("  grain: " + spec.grain().strip());
			int width = spec.columns().stream().mapToInt((column) -> column.name().length()).max().orElse(0);
			out.println("  columns:");
			for (ModelSpec.Column column : spec.columns()) {
				out.println("    " + String.format("%-" + width + "s", column.name()) + "  "
						+ column.description().strip().replace("\n", " "));
			}
		}
	}

	private List<SqlModel> models() {
		if (this.models == null) {
			this.models = ModelCatalog.load(this.project).models();
		}
		return this.models;
	}

	private static String firstLine(String text) {
		String stripped = text.strip();
		int end = stripped.indexOf('\n');
		return (end < 0) ? stripped : stripped.substring(0, end);
	}

}
