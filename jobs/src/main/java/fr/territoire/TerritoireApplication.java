package fr.territoire;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.config.NativeLibraryLeftovers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point: the command line decides what to do; commands that need the jobs start the
 * Spring context themselves.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TerritoireApplication {

	public static void main(String[] args) {
		NativeLibraryLeftovers.sweep();
		System.exit(TerritoireCommand.execute(args));
	}

}
