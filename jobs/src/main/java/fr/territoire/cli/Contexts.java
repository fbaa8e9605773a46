package fr.territoire.cli;

import java.nio.file.Path;
import java.util.List;

import fr.territoire.TerritoireApplication;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context for commands that need the jobs or the job repository.
 */
final class Contexts {

	private Contexts() {
	}

	private static String describe(BindException invalid) {
		Throwable cause = invalid.getCause();
		if (cause instanceof BindValidationException validation) {
			return validation.getValidationErrors()
				.getAllErrors()
				.stream()
				.map((error) -> ((error instanceof org.springframework.validation.FieldError field)
						? invalid.getName() + "." + field.getField() + " = '" + field.getRejectedValue() + "': " : "")
						+ error.getDefaultMessage())
				.collect(java.util.stream.Collectors.joining("; "));
		}
		return (cause != null) ? String.valueOf(cause.getMessage()) : String.valueOf(invalid.getMessage());
	}

	static ConfigurableApplicationContext start(HomeOptions homeOptions, @Nullable Path inbox) {
		return start(homeOptions, inbox, List.of(), true);
	}

	/**
	 * Starts the context with more Spring arguments; without Spring's shutdown hook when
	 * the command handles SIGTERM itself (the scheduler stops its job first).
	 */
	static ConfigurableApplicationContext start(HomeOptions homeOptions, @Nullable Path inbox, List<String> more,
			boolean shutdownHook) {
		SpringApplication application = new SpringApplication(TerritoireApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(shutdownHook);
		List<String> arguments = new java.util.ArrayList<>(homeOptions.springArguments(inbox));
		arguments.addAll(more);
		try {
			return application.run(arguments.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof BindException invalid) {
					throw new TerritoireException(ErrorCode.BAD_CONFIGURATION,
							Location.file(String.valueOf(invalid.getName())), "invalid property: " + describe(invalid),
							ex);
				}
			}
			throw ex;
		}
	}

}
