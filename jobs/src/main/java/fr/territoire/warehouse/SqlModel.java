package fr.territoire.warehouse;

import java.util.Objects;

/**
 * A SQL model: one {@code SELECT} per file, materialised as a table named after the file
 * in the schema of its layer.
 *
 * @param layer the layer (folder) it belongs to
 * @param name the file name without extension
 * @param sql the query
 * @param spec its YAML description
 */
public record SqlModel(Layer layer, String name, String sql, ModelSpec spec) {

	public SqlModel {
		Objects.requireNonNull(layer, "layer is null");
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(sql, "sql is null");
		Objects.requireNonNull(spec, "spec is null");
	}

	/** The table it builds, e.g. {@code core.territory}. */
	public String table() {
		return this.layer.schema() + "." + this.name;
	}

	/** Model layers, in build order, each with its folder and schema. */
	public enum Layer {

		STAGING("staging", "staging"), GEOGRAPHY("geography", "geography"), CORE("core", "core"),
		MARTS("marts", "mart"),
		/**
		 * Statistical secrecy's cells and their primary status, built by the secrecy step
		 * from the contributions models.
		 */
		SECRECY("secrecy", "mart"),
		/**
		 * Indicators at every level, built by the indicators step from the view it
		 * generates from the indicator YAMLs.
		 */
		INDICATORS("indicators", "mart"),
		/**
		 * What may be published: every release file reads from this layer only, where the
		 * diffusion rules of the register are applied once.
		 */
		PUBLIC("public", "public");

		private final String folder;

		private final String schema;

		Layer(String folder, String schema) {
			this.folder = folder;
			this.schema = schema;
		}

		public String folder() {
			return this.folder;
		}

		public String schema() {
			return this.schema;
		}

	}

}
