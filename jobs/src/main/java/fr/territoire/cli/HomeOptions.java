package fr.territoire.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.TerritoireHome;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where state and configuration live, shared by every command.
 */
public class HomeOptions {

	@Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
			description = "Home folder for the warehouse, job repository, releases and reports "
					+ "(default: $TERRITOIRE_HOME, else ./var).")
	@Nullable Path home;

	/** The home folder: --home, else TERRITOIRE_HOME, else ./var. */
	Path home() {
		if (this.home != null) {
			return this.home.toAbsolutePath().normalize();
		}
		String fromEnvironment = System.getenv("TERRITOIRE_HOME");
		return Path.of((fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : "var")
			.toAbsolutePath()
			.normalize();
	}

	/** The full log of commands that start the application. */
	Path log() {
		return territoireHome().log();
	}

	/** The folders of the home and project chosen on the command line. */
	TerritoireHome territoireHome() {
		return new TerritoireHome(home(), project(), null);
	}

	/**
	 * The project folder: the territoire.project-dir system property (set by the
	 * launcher), else the working directory.
	 */
	static Path project() {
		return Path.of(System.getProperty("territoire.project-dir", ".")).toAbsolutePath().normalize();
	}

	/**
	 * Spring Boot arguments placing the job repository and the warehouse under the home.
	 */
	List<String> springArguments(@Nullable Path inbox) {
		Path home = home();
		List<String> arguments = new ArrayList<>();
		arguments.add("--territoire.home=" + home);
		arguments.add("--territoire.project-dir=" + project());
		if (inbox != null) {
			arguments.add("--territoire.inbox=" + inbox.toAbsolutePath().normalize());
		}
		arguments.add("--spring.datasource.url=jdbc:h2:file:" + territoireHome().jobRepository()
		// no repository.trace.db: H2 would trace every start (the schema
		// initialisation meets existing tables) into a file that only grows
				+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0");
		return arguments;
	}

}
