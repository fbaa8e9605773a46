package fr.territoire.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression as a schedule writes it, read by Spring's {@link CronExpression}.
 * Three forms are accepted: standard 5-field cron ({@code minute hour day month weekday},
 * read with second 0), Spring's 6-field cron with seconds first
 * ({@code second minute hour day month weekday}), and the macros {@code @yearly},
 * {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight}
 * and {@code @hourly}.
 *
 * @param text the expression as written
 * @param fields the same expression in 6 fields (seconds first), macros expanded
 */
public record Cron(String text, List<String> fields) {

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *",
			"@monthly", "0 0 0 1 * *", "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *",
			"@hourly", "0 0 * * * *");

	public Cron {
		Objects.requireNonNull(text, "text is null");
		fields = List.copyOf(fields);
		if (fields.size() != 6) {
			throw new IllegalArgumentException("fields must be 6, got " + fields);
		}
	}

	/**
	 * Reads an expression.
	 * @param text 5 fields, 6 fields or a macro
	 * @return the expression
	 * @throws IllegalArgumentException with a message for people if it is invalid
	 */
	public static Cron parse(String text) {
		String trimmed = text.strip();
		String sixFields;
		if (trimmed.startsWith("@")) {
			sixFields = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
			if (sixFields == null) {
				throw new IllegalArgumentException(
						"unknown macro '" + trimmed + "' (known: " + MACROS.keySet().stream().sorted().toList() + ")");
			}
		}
		else {
			String[] split = trimmed.split("\\s+");
			if (split.length == 5) {
				sixFields = "0 " + String.join(" ", split);
			}
			else if (split.length == 6) {
				sixFields = String.join(" ", split);
			}
			else {
				throw new IllegalArgumentException("'" + trimmed + "' has " + split.length
						+ " field(s): write 5 (minute hour day month weekday), 6 with seconds first, or a macro "
						+ "such as @daily");
			}
		}
		try {
			CronExpression.parse(sixFields);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + trimmed + "' is not a valid cron expression: " + ex.getMessage(),
					ex);
		}
		return new Cron(trimmed, List.of(sixFields.split(" ")));
	}

	/** Spring's expression. */
	public CronExpression expression() {
		return CronExpression.parse(String.join(" ", this.fields));
	}

	/** The first fire time strictly after a time, in a zone. */
	public ZonedDateTime next(Instant after, ZoneId zone) {
		ZonedDateTime next = expression().next(after.atZone(zone));
		if (next == null) {
			throw new IllegalStateException("'" + this.text + "' never fires after " + after);
		}
		return next;
	}

	/** The first {@code count} fire times strictly after a time, in a zone. */
	public List<ZonedDateTime> next(Instant after, ZoneId zone, int count) {
		CronExpression expression = expression();
		List<ZonedDateTime> times = new ArrayList<>();
		ZonedDateTime current = after.atZone(zone);
		for (int i = 0; i < count; i++) {
			current = expression.next(current);
			if (current == null) {
				break;
			}
			times.add(current);
		}
		return times;
	}

}
