package fr.territoire.query.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Text typed so far, cut into complete statements (each ended by a {@code ;} outside
 * quotes and comments) and what remains of an unfinished one.
 *
 * @param complete the complete statements, without their {@code ;}, in order
 * @param remainder the start of the next statement, empty when there is none
 */
record Statements(List<String> complete, String remainder) {

	Statements {
		complete = List.copyOf(complete);
	}

	/** Cuts text at each {@code ;} that is outside quotes and comments. */
	static Statements split(String text) {
		List<String> complete = new ArrayList<>();
		int start = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"') {
				int end = text.indexOf(c, i + 1);
				i = (end < 0) ? text.length() : end + 1;
			}
			else if (text.startsWith("--", i)) {
				int end = text.indexOf('\n', i);
				i = (end < 0) ? text.length() : end + 1;
			}
			else if (text.startsWith("/*", i)) {
				int end = text.indexOf("*/", i + 2);
				i = (end < 0) ? text.length() : end + 2;
			}
			else if (c == ';') {
				String statement = text.substring(start, i).strip();
				if (!statement.isEmpty()) {
					complete.add(statement);
				}
				start = i + 1;
				i++;
			}
			else {
				i++;
			}
		}
		String remainder = text.substring(start);
		return new Statements(complete, remainder.isBlank() ? "" : remainder);
	}

}
