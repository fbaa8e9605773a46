package fr.territoire.cli;

import java.nio.file.Path;
import java.util.List;

import fr.territoire.TerritoireApplication;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context for commands that need the jobs or the job repository.
 */
final class Contexts {

	private Contexts() {
	}

	static ConfigurableApplicationContext start(HomeOptions homeOptions, @Nullable Path inbox) {
		SpringApplication application = new SpringApplication(TerritoireApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		List<String> arguments = homeOptions.springArguments(inbox);
		return application.run(arguments.toArray(String[]::new));
	}

}
