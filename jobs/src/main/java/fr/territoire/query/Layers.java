package fr.territoire.query;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The schemas a reader may query. By default only {@code public} and {@code mart}: what
 * may be published, with the register's diffusion rules applied (décret 2022-1014), so
 * that no masked field of a unit with {@code statutDiffusion = 'P'} can come out.
 *
 * @param schemas the readable schemas, lower-case, in search order
 * @param all whether every schema is readable (authorised analysts)
 */
public record Layers(List<String> schemas, boolean all) {

	/** Schemas of metadata only (names of tables and columns), always readable. */
	static final Set<String> CATALOG_SCHEMAS = Set.of("information_schema", "pg_catalog");

	public Layers {
		schemas = List.copyOf(schemas);
	}

	/** What may be published: {@code public} and {@code mart}. */
	public static Layers published() {
		return new Layers(List.of("public", "mart"), false);
	}

	/**
	 * What a failed run may show: the published layers plus its quarantine
	 * ({@code quality}) and accounting ({@code meta}).
	 */
	public static Layers failedRun() {
		return new Layers(List.of("public", "mart", "quality", "meta"), false);
	}

	/** Every schema. */
	public static Layers every() {
		return new Layers(List.of(), true);
	}

	/**
	 * Tables of {@code mart} holding what statistical secrecy protects: the true values
	 * of secret cells and the units' contributions (contributions models are named
	 * {@code contribution_*}). Only authorised analysts ({@code --all-schemas}) read
	 * them; everyone else reads {@code public.indicator_value}, where secret values are
	 * empty.
	 */
	static final Set<String> CONFIDENTIAL = Set.of("mart.indicator_value", "mart.indicator_computed",
			"mart.secrecy_cell", "mart.secrecy_contribution");

	/** Whether a table of a readable schema holds what secrecy protects. */
	public boolean confidential(String schema, String table) {
		if (this.all) {
			return false;
		}
		String name = (schema + "." + table).toLowerCase(Locale.ROOT);
		return CONFIDENTIAL.contains(name) || name.startsWith("mart.contribution_");
	}

	/** Whether a schema may be read. */
	public boolean allows(String schema) {
		String name = schema.toLowerCase(Locale.ROOT);
		return this.all || this.schemas.contains(name) || CATALOG_SCHEMAS.contains(name);
	}

}
