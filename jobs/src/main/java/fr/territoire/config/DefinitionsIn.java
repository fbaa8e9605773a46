package fr.territoire.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the configuration folder a definition record is read from. The project's
 * configuration finds every record so annotated, reads its folder with
 * {@link DefinitionFolder} and reports its problems in {@code territoire check}: a new
 * stage with its own folder needs no loader and no edit to the configuration.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DefinitionsIn {

	/** The folder, relative to the project folder, e.g. {@code warehouse/alerts}. */
	String value();

	/** Whether each definition has SQL beside its YAML. */
	DefinitionFolder.Kind kind() default DefinitionFolder.Kind.YAML_AND_SQL;

}
