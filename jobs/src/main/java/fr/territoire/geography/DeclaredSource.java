package fr.territoire.geography;

import java.util.Objects;

import fr.territoire.config.GeographyDeclaration;

/**
 * A source whose commune codes are harmonised to the target vintage, as its mapping or
 * staging model's YAML declares.
 *
 * @param source the source name
 * @param table its staging table, e.g. {@code staging.stg_insee__comparateur}
 * @param geography the declared commune column, amount and unit
 * @param declaredIn the file holding the declaration, relative to the project
 */
public record DeclaredSource(String source, String table, GeographyDeclaration geography, String declaredIn) {

	public DeclaredSource {
		Objects.requireNonNull(source, "source is null");
		Objects.requireNonNull(table, "table is null");
		Objects.requireNonNull(geography, "geography is null");
		Objects.requireNonNull(declaredIn, "declaredIn is null");
	}

	/** The generated view of its staged rows placed in the target vintage. */
	public String harmonisedName() {
		return this.source + "__harmonised";
	}

}
