package fr.territoire.check;

import java.nio.file.Path;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.project.ProjectConfiguration;

/**
 * Validates every configuration file of the project without touching data: the same
 * {@link ProjectConfiguration} a run loads, so {@code territoire check} and
 * {@code territoire run} never disagree.
 */
public final class ConfigurationCheck {

	private ConfigurationCheck() {
	}

	/** The project's configuration with every problem found (errors and warnings). */
	public static ProjectConfiguration load(Path project) {
		return ProjectConfiguration.load(project, Jobs.NAMES);
	}

	/**
	 * The errors found: none means the configuration is valid (the warnings are in
	 * {@link #load}).
	 */
	public static List<Problem> run(Path project) {
		return load(project).errors();
	}

}
