package fr.territoire.mapping;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.territoire.config.ProjectFolders;
import fr.territoire.config.Problem;
import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;

/**
 * Every mapping of {@code mappings/} ({@code .yaml} or {@code .yml}), in file-name order.
 *
 * @param mappings the valid mappings
 * @param problems what is wrong with the others
 */
public record MappingCatalog(List<Mapping> mappings, List<Problem> problems) {

	public static MappingCatalog load(Path project) {
		Path folder = ProjectFolders.of(project).mappings();
		List<Mapping> mappings = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Set<String> sources = new HashSet<>();
		for (Definition<Mapping> definition : DefinitionFolder.read(project, folder, Mapping.class,
				DefinitionFolder.Kind.YAML, List.of(), problems::add)) {
			String shownAs = definition.shownAs();
			Mapping mapping = definition.spec();
			if (!sources.add(mapping.source())) {
				problems.add(Problem.of(shownAs, "source '" + mapping.source() + "' is declared by another mapping",
						"each source has exactly one mapping file"));
				continue;
			}
			if (!definition.name().equals(mapping.source())) {
				problems.add(Problem.of(shownAs, "file name does not match source '" + mapping.source() + "'",
						"rename the file to " + mapping.source() + ".yaml"));
				continue;
			}
			if (!isKnownEncoding(mapping.encodingName())) {
				problems.add(Problem.of(shownAs, "unknown encoding '" + mapping.encodingName() + "'",
						"use a Java charset name such as UTF-8, windows-1252 or ISO-8859-1"));
				continue;
			}
			mappings.add(mapping);
		}
		if (mappings.isEmpty() && problems.isEmpty()) {
			problems.add(Problem.of(project.relativize(folder).toString(), "no mapping found",
					"add one YAML file per source, see mappings/README.md"));
		}
		return new MappingCatalog(List.copyOf(mappings), List.copyOf(problems));
	}

	private static boolean isKnownEncoding(String name) {
		try {
			return Charset.isSupported(name);
		}
		catch (IllegalCharsetNameException ex) {
			return false;
		}
	}

}
