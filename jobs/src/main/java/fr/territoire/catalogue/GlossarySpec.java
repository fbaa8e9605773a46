package fr.territoire.catalogue;

import java.util.Map;
import java.util.Objects;

import fr.territoire.config.DefinitionsIn;
import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a group of the catalogue's glossary,
 * {@code warehouse/glossary/<name>.sql}: the SQL returns the codes the release uses
 * ({@code code}, and optionally {@code rows}), reading its datasets as
 * {@code release.<dataset>}; the YAML says what each code means.
 *
 * @param title the group's heading (e.g. Niveaux territoriaux)
 * @param description where the codes appear
 * @param labels what each code means, by code
 */
@DefinitionsIn("warehouse/glossary")
public record GlossarySpec(String title, @Nullable String description, Map<String, String> labels) {

	public GlossarySpec {
		Objects.requireNonNull(title, "title is required");
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
	}

}
