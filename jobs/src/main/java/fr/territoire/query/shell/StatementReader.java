package fr.territoire.query.shell;

import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Reads what the user types: a dot command on a line of its own, or SQL statements that
 * may span lines (a continuation prompt until a {@code ;}) and share a line. Ctrl-C drops
 * the input not yet run; Ctrl-D ends the session.
 */
final class StatementReader {

	static final String PROMPT = "territoire> ";

	static final String CONTINUATION = "        -> ";

	private final LineReader reader;

	private String pending = "";

	StatementReader(LineReader reader) {
		this.reader = reader;
	}

	/** The next input; {@link Input.End} when the user leaves. */
	Input next() {
		while (true) {
			String line;
			try {
				line = this.reader.readLine(this.pending.isEmpty() ? PROMPT : CONTINUATION);
			}
			catch (UserInterruptException ex) {
				Thread.interrupted(); // the reader interrupts itself on Ctrl-C
				this.pending = "";
				continue;
			}
			catch (EndOfFileException ex) {
				return new Input.End();
			}
			if (this.pending.isEmpty() && line.strip().startsWith(".")) {
				return new Input.DotCommand(line.strip());
			}
			Statements statements = Statements.split(this.pending + line + "\n");
			this.pending = statements.remainder();
			if (!statements.complete().isEmpty()) {
				return new Input.Sql(statements.complete());
			}
		}
	}

	/** What the user typed. */
	sealed interface Input {

		/** A line starting with a dot, e.g. {@code .tables}. */
		record DotCommand(String line) implements Input {
		}

		/** Complete statements, to run one after the other. */
		record Sql(List<String> statements) implements Input {
		}

		/** End of input (Ctrl-D). */
		record End() implements Input {
		}

	}

}
