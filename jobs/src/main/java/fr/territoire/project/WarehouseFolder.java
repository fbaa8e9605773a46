package fr.territoire.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import fr.territoire.config.ProjectFolders;
import fr.territoire.config.DefinitionsIn;
import fr.territoire.config.Problem;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;

/**
 * What {@code warehouse/} may hold: the folders and files Territoire reads. Anything else
 * there would never be read, so it is reported.
 */
final class WarehouseFolder {

	/** Folders and files of {@code warehouse/} that some part of Territoire reads. */
	static final Set<String> READ = read();

	private WarehouseFolder() {
	}

	private static Set<String> read() {
		Set<String> read = new java.util.TreeSet<>(
				List.of("schema", "macros", "models", "audits", "indicators", "history", "reports", "publish.yaml",
						"publish.yml", "peers.yaml", "peers.yml", "secrecy.yaml", "secrecy.yml", "README.md"));
		for (Class<?> type : DeclaredFolders.types()) {
			String folder = type.getAnnotation(DefinitionsIn.class).value();
			if (folder.startsWith("warehouse/")) {
				read.add(folder.substring("warehouse/".length()).split("/")[0]);
			}
		}
		return Set.copyOf(read);
	}

	static List<Problem> unread(Path project) {
		Path folder = ProjectFolders.of(project).warehouse();
		if (!Files.isDirectory(folder)) {
			return List.of(Problem.of("warehouse", "missing", "the project needs warehouse/ (models, publish.yaml…)"));
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.map((path) -> path.getFileName().toString())
				.filter((name) -> !name.startsWith(".") && !READ.contains(name))
				.sorted()
				.map((name) -> Problem.warning("warehouse/" + name, "is not read",
						"warehouse/ holds " + READ.stream().sorted().toList() + "; move it out of warehouse/"))
				.toList();
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(folder.toString()),
					"cannot list it: " + ex.getMessage(), ex);
		}
	}

}
