package fr.territoire.query.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import fr.territoire.error.TerritoireException;
import fr.territoire.query.QuerySession;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The interactive SQL shell: reads statements and dot commands, runs them on a
 * {@link QuerySession}, prints results to the terminal, a file or a pager. An error
 * prints its message and the shell goes on.
 */
public final class Shell {

	static final String BANNER = "Read-only SQL on the warehouse. End statements with ';'; .help lists the commands, "
			+ ".quit or Ctrl-D leaves.";

	private final QuerySession session;

	private final Terminal terminal;

	private final LineReader reader;

	private final DotCommands commands;

	private final @Nullable Pager pager;

	/**
	 * A shell on a terminal.
	 * @param session the warehouse
	 * @param terminal where the user types and reads
	 * @param history the history file, kept between sessions; none if null
	 * @param project the project folder, whose models document the tables
	 * @param paging whether results taller than the screen go through a pager
	 */
	public Shell(QuerySession session, Terminal terminal, @Nullable Path history, Path project, boolean paging) {
		this.session = session;
		this.terminal = terminal;
		DefaultParser parser = new DefaultParser();
		parser.setEofOnUnclosedQuote(false);
		parser.setEscapeChars(new char[0]);
		LineReaderBuilder builder = LineReaderBuilder.builder()
			.terminal(terminal)
			.appName("territoire")
			.parser(parser)
			.completer(new Completion(session))
			.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
			.option(LineReader.Option.HISTORY_IGNORE_SPACE, false);
		if (history != null) {
			builder.variable(LineReader.HISTORY_FILE, history);
		}
		this.reader = builder.build();
		this.commands = new DotCommands(session, terminal.writer(), new Documentation(project));
		this.pager = paging ? new Pager(terminal) : null;
	}

	/**
	 * Runs a shell on the terminal this process runs in, until the user leaves.
	 * @param session the warehouse
	 * @param history the history file
	 * @param project the project folder
	 */
	public static void runOnSystemTerminal(QuerySession session, Path history, Path project) {
		try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
			new Shell(session, terminal, history, project, Pager.usable(terminal)).run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the terminal: " + ex.getMessage(), ex);
		}
	}

	/** Reads and runs until {@code .quit} or Ctrl-D. */
	public void run() {
		PrintWriter out = this.terminal.writer();
		out.println(BANNER);
		out.flush();
		StatementReader input = new StatementReader(this.reader);
		try {
			while (true) {
				StatementReader.Input next = input.next();
				if (next instanceof StatementReader.Input.End) {
					return;
				}
				if (next instanceof StatementReader.Input.DotCommand command && !dotCommand(command.line())) {
					return;
				}
				if (next instanceof StatementReader.Input.Sql sql) {
					sql.statements().forEach(this::execute);
				}
			}
		}
		finally {
			this.commands.close();
			saveHistory();
		}
	}

	private boolean dotCommand(String line) {
		try {
			return this.commands.run(line);
		}
		catch (TerritoireException ex) {
			error(ex);
			return true;
		}
	}

	private void execute(String sql) {
		PrintWriter out = this.terminal.writer();
		PrintWriter file = this.commands.file();
		long start = System.nanoTime();
		try {
			if (file != null) {
				this.session.execute(sql, this.commands.printer(), file);
				file.flush();
			}
			else if (this.pager != null) {
				StringWriter result = new StringWriter();
				this.session.execute(sql, this.commands.printer(), new PrintWriter(result));
				this.pager.show(result.toString(), out);
			}
			else {
				this.session.execute(sql, this.commands.printer(), out);
			}
			if (this.commands.timer()) {
				out.println(String.format(Locale.ROOT, "time: %.3f s", (System.nanoTime() - start) / 1e9));
			}
			out.flush();
		}
		catch (TerritoireException ex) {
			error(ex);
		}
	}

	private void error(TerritoireException ex) {
		PrintWriter out = this.terminal.writer();
		out.println(ex.getMessage());
		out.flush();
	}

	private void saveHistory() {
		try {
			this.reader.getHistory().save();
		}
		catch (IOException ex) {
			this.terminal.writer().println("cannot save the history: " + ex.getMessage());
			this.terminal.writer().flush();
		}
	}

}
