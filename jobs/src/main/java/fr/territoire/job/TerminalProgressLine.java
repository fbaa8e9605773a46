package fr.territoire.job;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A progress bar kept on the last line of a terminal: drawn on standard output, and
 * erased before anything else is written there (log lines), which then scroll above it
 * until it is drawn again. Installed as {@code System.out} while a run goes on; the
 * console log appender writes through {@code System.out} at each write, so log lines
 * never land in the middle of the bar.
 */
final class TerminalProgressLine extends PrintStream {

	private static final String ERASE = "\r\u001b[K";

	private final PrintStream terminal;

	private boolean shown;

	private TerminalProgressLine(PrintStream terminal) {
		super(new OutputStream() {
			@Override
			public void write(int b) {
				terminal.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				terminal.write(bytes, offset, length);
			}

			@Override
			public void flush() {
				terminal.flush();
			}
		}, true);
		this.terminal = terminal;
	}

	/** Installs the line as {@code System.out}. */
	static TerminalProgressLine install() {
		TerminalProgressLine line = new TerminalProgressLine(System.out);
		System.setOut(line);
		return line;
	}

	/** Draws the bar, replacing the one shown. */
	synchronized void show(String bar) {
		this.terminal.print(ERASE + bar);
		this.terminal.flush();
		this.shown = true;
	}

	/** Erases the bar and gives {@code System.out} back. */
	synchronized void uninstall() {
		erase();
		System.setOut(this.terminal);
	}

	private void erase() {
		if (this.shown) {
			this.terminal.print(ERASE);
			this.shown = false;
		}
	}

	@Override
	public synchronized void write(int b) {
		erase();
		super.write(b);
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		erase();
		super.write(bytes, offset, length);
	}

}
