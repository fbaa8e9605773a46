package fr.territoire.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.config.DefinitionsIn;
import fr.territoire.config.Problem;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The definitions of every record annotated with {@link DefinitionsIn}, found on the
 * class path (no Spring context needed), each read from its folder.
 *
 * @param byType the definitions read for each record type
 */
record DeclaredFolders(Map<Class<?>, List<Definition<?>>> byType) {

	private static final String ROOT_PACKAGE = "fr.territoire";

	DeclaredFolders {
		byType = Map.copyOf(byType);
	}

	/** The record types annotated with {@link DefinitionsIn}, by folder. */
	static List<Class<?>> types() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(DefinitionsIn.class));
		List<Class<?>> types = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents(ROOT_PACKAGE)) {
			types.add(ClassUtils.resolveClassName(String.valueOf(candidate.getBeanClassName()),
					DeclaredFolders.class.getClassLoader()));
		}
		types.sort(Comparator.comparing((Class<?> type) -> type.getAnnotation(DefinitionsIn.class).value())
			.thenComparing(Class::getName));
		return types;
	}

	static DeclaredFolders read(Path project, List<Problem> problems) {
		Map<Class<?>, List<Definition<?>>> byType = new LinkedHashMap<>();
		for (Class<?> type : types()) {
			DefinitionsIn folder = type.getAnnotation(DefinitionsIn.class);
			byType.put(type, List.copyOf(DefinitionFolder.read(project, project.resolve(folder.value()), type,
					folder.kind(), List.of(), problems::add)));
		}
		return new DeclaredFolders(byType);
	}

	@SuppressWarnings("unchecked")
	<T> List<Definition<T>> of(Class<T> type) {
		List<Definition<?>> found = this.byType.get(type);
		if (found == null) {
			throw new IllegalArgumentException(type.getName() + " is not annotated with @DefinitionsIn");
		}
		return found.stream().map((definition) -> (Definition<T>) definition).toList();
	}

}
