package fr.territoire.query.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.query.QuerySession;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jspecify.annotations.Nullable;

/**
 * Completes dot commands at the start of a line, and in SQL schema names, tables
 * ({@code schema.name}) and the columns of the tables the line names. Names come from the
 * session once, the first time they are needed.
 */
final class Completion implements Completer {

	private static final Pattern QUALIFIED = Pattern.compile("\\b([A-Za-z_][\\w]*\\.[A-Za-z_][\\w]*)\\b");

	private final QuerySession session;

	private @Nullable List<String> tables;

	Completion(QuerySession session) {
		this.session = session;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
		if (line.wordIndex() == 0 && word.startsWith(".")) {
			DotCommands.NAMES.stream()
				.filter((name) -> name.startsWith(word))
				.forEach((name) -> candidates.add(new Candidate(name)));
			return;
		}
		int cut = Math.max(word.lastIndexOf(','), word.lastIndexOf('(')) + 1;
		String head = word.substring(0, cut);
		String prefix = word.substring(cut).toLowerCase(Locale.ROOT);
		for (String name : names(line.line(), prefix)) {
			boolean schema = name.endsWith(".");
			candidates.add(new Candidate(head + name, name, null, null, null, null, !schema));
		}
	}

	/**
	 * The names that start with a prefix: schemas before a dot, tables after, columns.
	 */
	List<String> names(String line, String prefix) {
		Set<String> names = new LinkedHashSet<>();
		int dot = prefix.indexOf('.');
		for (String table : tables()) {
			String lower = table.toLowerCase(Locale.ROOT);
			if (dot < 0) {
				String schema = table.substring(0, table.indexOf('.') + 1);
				if (schema.toLowerCase(Locale.ROOT).startsWith(prefix)) {
					names.add(schema);
				}
			}
			else if (lower.startsWith(prefix)) {
				names.add(table);
			}
		}
		if (dot < 0) {
			for (String table : named(line)) {
				this.session.columns(table)
					.stream()
					.filter((column) -> column.toLowerCase(Locale.ROOT).startsWith(prefix))
					.forEach(names::add);
			}
		}
		return new ArrayList<>(names);
	}

	private List<String> named(String line) {
		List<String> named = new ArrayList<>();
		Matcher matcher = QUALIFIED.matcher(line);
		while (matcher.find()) {
			String found = matcher.group(1);
			tables().stream().filter((table) -> table.equalsIgnoreCase(found)).findFirst().ifPresent(named::add);
		}
		return named;
	}

	private List<String> tables() {
		if (this.tables == null) {
			this.tables = this.session.tables();
		}
		return this.tables;
	}

}
