package fr.territoire.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of a {@link Cron} as other schedulers write them: standard 5-field cron
 * (crontab) and systemd's {@code OnCalendar=}. What Spring accepts but they cannot say
 * (seconds other than 0 in a crontab, Quartz's {@code L}, {@code W} and {@code #}, a day
 * of month and a day of week both restricted, which cron reads as "either" and Spring as
 * "both") is refused with the reason.
 */
final class CronFields {

	private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private static final List<String> SYSTEMD_DAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");

	private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
			"OCT", "NOV", "DEC");

	private static final Pattern PLAIN = Pattern.compile("[0-9*/,\\-]+");

	private CronFields() {
	}

	/**
	 * The 6 fields with names replaced by numbers and {@code ?} by {@code *}.
	 * @throws IllegalArgumentException if a field uses what only Spring or Quartz reads
	 */
	static List<String> numeric(Cron cron) {
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String field = cron.fields().get(i).toUpperCase(Locale.ROOT).replace("?", "*");
			if (i == 4) {
				field = names(field, MONTHS, 1);
			}
			if (i == 5) {
				field = names(field, DAYS, 0);
			}
			if (!PLAIN.matcher(field).matches()) {
				throw new IllegalArgumentException(
						"field '" + cron.fields().get(i) + "' uses what only Spring reads (L, W, #)");
			}
			fields.add(field);
		}
		if (!fields.get(3).equals("*") && !fields.get(5).equals("*")) {
			throw new IllegalArgumentException("it restricts both the day of month and the day of week, "
					+ "which cron reads as either and Spring as both");
		}
		return fields;
	}

	/** The 5 fields of a crontab line, or why there is none. */
	static String crontab(Cron cron) {
		List<String> fields = numeric(cron);
		if (!fields.get(0).equals("0")) {
			throw new IllegalArgumentException(
					"it fires at second " + cron.fields().get(0) + ", and cron has minutes only");
		}
		return String.join(" ", fields.subList(1, 6));
	}

	/**
	 * The value of systemd's {@code OnCalendar=}, with the zone, or why there is none.
	 */
	static String onCalendar(Cron cron, String zone) {
		List<String> fields = numeric(cron);
		String second = systemd(fields.get(0), 0, 59, "second");
		String minute = systemd(fields.get(1), 0, 59, "minute");
		String hour = systemd(fields.get(2), 0, 23, "hour");
		String day = systemd(fields.get(3), 1, 31, "day of month");
		String month = systemd(fields.get(4), 1, 12, "month");
		String weekday = weekdays(fields.get(5));
		return (weekday.isEmpty() ? "" : weekday + " ") + "*-" + month + "-" + day + " " + hour + ":" + minute + ":"
				+ second + " " + zone;
	}

	private static String names(String field, List<String> names, int first) {
		String result = field;
		for (int i = 0; i < names.size(); i++) {
			result = result.replace(names.get(i), String.valueOf(i + first));
		}
		return result;
	}

	/** A numeric field in systemd's words: ranges with {@code ..}, steps from a start. */
	private static String systemd(String field, int min, int max, String what) {
		if (field.equals("*")) {
			return "*";
		}
		List<String> parts = new ArrayList<>();
		for (String part : field.split(",")) {
			String[] step = part.split("/", -1);
			String range = step[0];
			if (step.length == 2) {
				if (range.contains("-")) {
					throw new IllegalArgumentException(
							"its " + what + " '" + part + "' is a range with a step, which OnCalendar cannot say");
				}
				parts.add(pad(range.equals("*") ? String.valueOf(min) : range) + "/" + step[1]);
			}
			else if (range.contains("-")) {
				String[] bounds = range.split("-");
				parts.add(pad(bounds[0]) + ".." + pad(bounds[1]));
			}
			else {
				parts.add(pad(range));
			}
		}
		return String.join(",", parts);
	}

	private static String pad(String number) {
		return (number.length() == 1) ? "0" + number : number;
	}

	private static String weekdays(String field) {
		if (field.equals("*")) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		for (String part : field.split(",")) {
			if (part.contains("/")) {
				throw new IllegalArgumentException("its day of week '" + part + "' has a step");
			}
			if (part.contains("-")) {
				String[] bounds = part.split("-");
				parts.add(day(bounds[0]) + ".." + day(bounds[1]));
			}
			else {
				parts.add(day(part));
			}
		}
		return String.join(",", parts);
	}

	private static String day(String number) {
		return SYSTEMD_DAYS.get(Integer.parseInt(number) % 7);
	}

}
