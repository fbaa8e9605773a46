package fr.territoire.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements at the semicolons outside strings, quoted names and
 * comments, without running anything: a session runs exactly one statement.
 */
final class SqlText {

	private SqlText() {
	}

	/** The statements of a text, without their semicolons; blank ones left out. */
	static List<String> statements(String sql) {
		List<String> statements = new ArrayList<>();
		int start = 0;
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '\'' || c == '"') {
				i = closing(sql, i + 1, String.valueOf(c));
			}
			else if (c == '-' && sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (c == '/' && sql.startsWith("/*", i)) {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? length : end + 2;
			}
			else if (c == '$' && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				i = closing(sql, i + tag.length(), tag);
			}
			else if (c == ';') {
				add(statements, sql.substring(start, i));
				start = ++i;
			}
			else {
				i++;
			}
		}
		add(statements, sql.substring(start));
		return statements;
	}

	/**
	 * The first keyword of a statement, upper-case (e.g. {@code ATTACH}), after comments
	 * and opening parentheses; empty if none.
	 */
	static String firstKeyword(String statement) {
		String text = withoutComments(statement).stripLeading();
		int i = 0;
		while (i < text.length() && (text.charAt(i) == '(' || Character.isWhitespace(text.charAt(i)))) {
			i++;
		}
		int start = i;
		while (i < text.length() && Character.isLetter(text.charAt(i))) {
			i++;
		}
		return text.substring(start, i).toUpperCase(Locale.ROOT);
	}

	private static String withoutComments(String statement) {
		String text = statement;
		while (true) {
			String stripped = text.stripLeading();
			if (stripped.startsWith("--")) {
				int end = stripped.indexOf('\n');
				text = (end < 0) ? "" : stripped.substring(end + 1);
			}
			else if (stripped.startsWith("/*")) {
				int end = stripped.indexOf("*/");
				text = (end < 0) ? "" : stripped.substring(end + 2);
			}
			else {
				return stripped;
			}
		}
	}

	private static int closing(String sql, int from, String quote) {
		int end = sql.indexOf(quote, from);
		return (end < 0) ? sql.length() : end + quote.length();
	}

	private static @org.jspecify.annotations.Nullable String dollarTag(String sql, int at) {
		int i = at + 1;
		while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
			i++;
		}
		if (i < sql.length() && sql.charAt(i) == '$' && (i == at + 1 || !Character.isDigit(sql.charAt(at + 1)))) {
			return sql.substring(at, i + 1);
		}
		return null;
	}

	private static void add(List<String> statements, String statement) {
		if (!withoutComments(statement).isBlank()) {
			statements.add(statement);
		}
	}

}
