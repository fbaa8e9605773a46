package fr.territoire.query.shell;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;

import org.jline.terminal.Terminal;

/**
 * Shows a result taller than the screen through {@code $PAGER}, else {@code less -FRX}; a
 * shorter one, or any when the pager cannot start, is printed as it is. Used on a real
 * terminal only.
 */
final class Pager {

	private final Terminal terminal;

	Pager(Terminal terminal) {
		this.terminal = terminal;
	}

	/** Whether a pager makes sense: a real terminal, not a dumb one or a pipe. */
	static boolean usable(Terminal terminal) {
		return !terminal.getType().startsWith(Terminal.TYPE_DUMB) && System.console() != null;
	}

	/** Prints a result, through the pager when it does not fit on the screen. */
	void show(String text, PrintWriter out) {
		int height = this.terminal.getHeight();
		if (height <= 0 || text.lines().count() < height - 1) {
			out.print(text);
			out.flush();
			return;
		}
		String pager = System.getenv("PAGER");
		String command = (pager != null && !pager.isBlank()) ? pager : "less -FRX";
		try {
			Process process = new ProcessBuilder("sh", "-c", command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try (Writer input = new OutputStreamWriter(process.getOutputStream(), this.terminal.encoding())) {
				input.write(text);
			}
			catch (IOException ex) {
				// the user left the pager before the end of the result
			}
			process.waitFor();
		}
		catch (IOException ex) {
			out.print(text);
			out.flush();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
