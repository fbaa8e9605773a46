package fr.territoire.query.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import fr.territoire.query.OutputFormat;
import fr.territoire.query.QuerySession;
import fr.territoire.query.ResultPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The commands of the shell that are not SQL, each a line starting with a dot, and the
 * settings they change: the output format, where results go, the timer.
 */
final class DotCommands {

	/** Every command, for {@code .help} and completion. */
	static final List<String> NAMES = List.of(".tables", ".schema", ".mode", ".output", ".timer", ".docs", ".help",
			".quit");

	private static final String HELP = """
			.tables              the tables and views you may query
			.schema [NAME]       the columns of a table (NAME or schema.NAME), or of every table
			.mode [FORMAT]       how results are printed: table, csv, json or markdown
			.output [FILE]       write results to FILE; without FILE, back to the terminal
			.timer on|off        print the elapsed time after each result
			.docs [NAME]         what a table holds, its grain and columns (from the models' YAML)
			.help                this list
			.quit                leave (or Ctrl-D)
			SQL statements end with ';' and may span lines; Ctrl-C drops the current input.""";

	private final QuerySession session;

	private final PrintWriter terminal;

	private final Documentation documentation;

	private OutputFormat mode = OutputFormat.TABLE;

	private @Nullable PrintWriter file;

	private boolean timer;

	DotCommands(QuerySession session, PrintWriter terminal, Documentation documentation) {
		this.session = session;
		this.terminal = terminal;
		this.documentation = documentation;
	}

	/**
	 * Runs one command.
	 * @param line the line typed, starting with a dot
	 * @return false when the session must end
	 */
	boolean run(String line) {
		String[] words = line.strip().split("\\s+", 2);
		String argument = (words.length > 1) ? words[1].strip() : "";
		switch (words[0]) {
			case ".quit", ".exit" -> {
				return false;
			}
			case ".help" -> this.terminal.println(HELP);
			case ".tables" -> this.session.tables().forEach(this.terminal::println);
			case ".schema" -> schema(argument);
			case ".mode" -> mode(argument);
			case ".output" -> output(argument);
			case ".timer" -> timer(argument);
			case ".docs" -> this.documentation.print(argument, this.terminal);
			default -> this.terminal.println("unknown command " + words[0] + ": .help lists the commands");
		}
		this.terminal.flush();
		return true;
	}

	/** The printer of the current mode. */
	ResultPrinter printer() {
		return ResultPrinter.of(this.mode);
	}

	/** The file results go to, if {@code .output} named one. */
	@Nullable PrintWriter file() {
		return this.file;
	}

	boolean timer() {
		return this.timer;
	}

	/** Closes the output file, if any. */
	void close() {
		if (this.file != null) {
			this.file.close();
			this.file = null;
		}
	}

	private void schema(String name) {
		List<String> tables = this.session.tables()
			.stream()
			.filter((table) -> name.isEmpty() || table.equalsIgnoreCase(name)
					|| table.toLowerCase(Locale.ROOT).endsWith("." + name.toLowerCase(Locale.ROOT)))
			.toList();
		if (tables.isEmpty()) {
			this.terminal.println("no table " + name + ": .tables lists them");
		}
		for (String table : tables) {
			this.terminal.println(table + " (" + String.join(", ", this.session.columns(table)) + ")");
		}
	}

	private void mode(String argument) {
		if (argument.isEmpty()) {
			this.terminal.println(this.mode.name().toLowerCase(Locale.ROOT));
			return;
		}
		try {
			this.mode = OutputFormat.valueOf(argument.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.terminal.println("unknown mode " + argument + ": table, csv, json or markdown");
		}
	}

	private void output(String argument) {
		close();
		if (argument.isEmpty()) {
			this.terminal.println("results go to the terminal");
			return;
		}
		Path path = Path.of(argument);
		try {
			this.file = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
			this.terminal.println("results go to " + path.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			this.terminal.println("cannot write " + path + ": " + ex.getMessage());
		}
	}

	private void timer(String argument) {
		switch (argument) {
			case "on" -> this.timer = true;
			case "off" -> this.timer = false;
			default -> this.terminal.println("timer is " + (this.timer ? "on" : "off") + ": .timer on|off");
		}
	}

}
