package fr.territoire.cli;

import java.util.function.Consumer;

/**
 * SIGTERM and SIGINT handled by the command instead of the JVM's shutdown, so that a
 * long-running command can stop its job cleanly and exit 0.
 */
final class Signals {

	private Signals() {
	}

	/**
	 * Calls the handler with the signal's name ({@code TERM} or {@code INT}) instead of
	 * shutting the JVM down.
	 */
	@SuppressWarnings("restriction")
	static void onTermination(Consumer<String> handler) {
		for (String name : new String[] { "TERM", "INT" }) {
			sun.misc.Signal.handle(new sun.misc.Signal(name), (signal) -> handler.accept(signal.getName()));
		}
	}

}
