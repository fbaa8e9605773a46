package fr.territoire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import fr.territoire.serve.DownloadServer;
import fr.territoire.serve.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code territoire serve}: the home's releases over HTTP until SIGTERM or SIGINT. No
 * Spring context: the server needs nothing but the publish folder.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Serves the releases (publish/releases/<id>/, publish/latest/ and the catalogue at /) over HTTP "
				+ "with ranges, validators and gzip, until stopped (Ctrl-C or SIGTERM).")
class ServeCommand implements Callable<Integer> {

	@Option(names = "--port", paramLabel = "N",
			description = "Port to listen on, 0 for any free port " + "(default: ${DEFAULT-VALUE}).")
	int port = 8080;

	@Option(names = "--bind", paramLabel = "ADDR",
			description = "Address to listen on (default: ${DEFAULT-VALUE}; " + "0.0.0.0 for every interface).")
	String bind = "127.0.0.1";

	@Spec
	CommandSpec spec;

	@ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() throws Exception {
		Path publish = this.parent.homeOptions.territoireHome().latestRelease().getParent();
		DownloadServer server = DownloadServer.start(new ServeSettings(publish, this.bind, this.port));
		Thread stopper = new Thread(server::close, "territoire-serve-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		var out = this.spec.commandLine().getOut();
		out.println("Serving " + publish + " at http://" + hostInUrl(this.bind) + ":" + server.port() + "/");
		out.flush();
		server.awaitClose();
		return ExitCodes.SUCCESS;
	}

	private static String hostInUrl(String bind) {
		return (bind.contains(":") && !bind.startsWith("[")) ? "[" + bind + "]" : bind;
	}

}
