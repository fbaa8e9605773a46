package fr.territoire.disclosure;

import java.util.List;

import fr.territoire.config.DefinitionsIn;
import fr.territoire.warehouse.ModelSpec;
import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a statement of {@code warehouse/disclosure/}: what the disclosure audit
 * reads or writes with it.
 *
 * @param description what the statement returns or does
 * @param grain what one row is
 * @param columns column descriptions
 */
@DefinitionsIn("warehouse/disclosure")
public record DisclosureQuery(String description, String grain, @Nullable List<ModelSpec.Column> columns) {

}
