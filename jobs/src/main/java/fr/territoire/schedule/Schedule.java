package fr.territoire.schedule;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import fr.territoire.config.Definition;
import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;
import org.jspecify.annotations.Nullable;

/**
 * A valid schedule: a {@link ScheduleEntry} with its values read and its defaults
 * applied.
 *
 * @param name the file name without extension, e.g. {@code nightly}
 * @param shownAs the file, relative to the project folder
 * @param job the job
 * @param cron when
 * @param zone the zone {@link #cron} is read in
 * @param parameters job parameters of each run
 * @param missed what to do at start-up about missed fire times
 * @param maxDuration the longest a run may take, if bounded
 * @param rerun whether each fire starts a new run even if its date completed
 * @param description why it runs then
 */
public record Schedule(String name, String shownAs, String job, Cron cron, ZoneId zone, Map<String, String> parameters,
		Missed missed, @Nullable Duration maxDuration, boolean rerun, String description) {

	/** The zone of a schedule that names none. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx VV");

	/** Parameters every run gets from the runner, which a schedule cannot set. */
	public static final List<String> RESERVED_PARAMETERS = List.of("date", "inbox", "rerun", "schedule", "fire");

	public Schedule {
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(job, "job is null");
		Objects.requireNonNull(cron, "cron is null");
		Objects.requireNonNull(zone, "zone is null");
		parameters = Map.copyOf(parameters);
		Objects.requireNonNull(missed, "missed is null");
	}

	/**
	 * Validates an entry.
	 * @param definition the entry read from its file
	 * @param problems where problems go, each with the line of its key
	 * @return the schedule, or empty if the entry is invalid
	 */
	public static Optional<Schedule> of(Definition<ScheduleEntry> definition, Consumer<Problem> problems) {
		ScheduleEntry entry = definition.spec();
		Path file = definition.file();
		String shownAs = definition.shownAs();
		Counting counting = new Counting(problems);
		if (entry.job() == null || entry.job().isBlank()) {
			counting.accept(new Problem(shownAs, null, "job is required", "e.g. job: nightly"));
		}
		if (entry.description() == null || entry.description().isBlank()) {
			counting.accept(new Problem(shownAs, null, "description is required", "say why it runs then"));
		}
		Cron cron = null;
		if (entry.cron() == null) {
			counting.accept(new Problem(shownAs, null, "cron is required",
					"e.g. cron: \"30 2 * * *\" (5 fields), \"0 30 2 * * *\" (seconds first) or \"@daily\""));
		}
		else {
			try {
				cron = Cron.parse(entry.cron());
			}
			catch (IllegalArgumentException ex) {
				counting.accept(new Problem(shownAs, YamlFiles.lineOfKey(file, "cron", null), ex.getMessage(),
						"5 fields (minute hour day month weekday), 6 with seconds first, or @yearly, @monthly, "
								+ "@weekly, @daily, @hourly"));
			}
		}
		ZoneId zone = DEFAULT_ZONE;
		if (entry.zone() != null) {
			try {
				zone = ZoneId.of(entry.zone());
			}
			catch (DateTimeException ex) {
				counting.accept(new Problem(shownAs, YamlFiles.lineOfKey(file, "zone", null),
						"unknown time zone '" + entry.zone() + "'", "a region such as Europe/Paris"));
			}
		}
		Missed missed = Missed.RUN_ONCE;
		if (entry.missed() != null) {
			Optional<Missed> read = Missed.of(entry.missed());
			if (read.isEmpty()) {
				counting.accept(new Problem(shownAs, YamlFiles.lineOfKey(file, "missed", null),
						"missed is '" + entry.missed() + "'", "write run-once or skip"));
			}
			else {
				missed = read.get();
			}
		}
		Duration maxDuration = null;
		if (entry.maxDuration() != null) {
			try {
				maxDuration = Duration.parse(entry.maxDuration());
				if (maxDuration.isNegative() || maxDuration.isZero()) {
					counting.accept(new Problem(shownAs, YamlFiles.lineOfKey(file, "max-duration", null),
							"max-duration must be positive, got " + entry.maxDuration(), "e.g. PT4H"));
				}
			}
			catch (DateTimeParseException ex) {
				counting.accept(new Problem(shownAs, YamlFiles.lineOfKey(file, "max-duration", null),
						"max-duration '" + entry.maxDuration() + "' is not an ISO-8601 duration",
						"e.g. PT4H, PT30M, PT90S"));
			}
		}
		Map<String, String> parameters = new TreeMap<>();
		if (entry.parameters() != null) {
			for (Map.Entry<String, String> parameter : entry.parameters().entrySet()) {
				if (RESERVED_PARAMETERS.contains(parameter.getKey())) {
					counting.accept(new Problem(shownAs, YamlFiles.lineOfKey(file, parameter.getKey(), null),
							"parameter '" + parameter.getKey() + "' is set by the runner",
							"remove it (the run date is the fire time's date in the zone; see rerun)"));
				}
				else if (parameter.getValue() == null) {
					counting.accept(new Problem(shownAs, YamlFiles.lineOfKey(file, parameter.getKey(), null),
							"parameter '" + parameter.getKey() + "' has no value", "give it a value"));
				}
				else {
					parameters.put(parameter.getKey(), parameter.getValue());
				}
			}
		}
		if (counting.count > 0 || cron == null) {
			return Optional.empty();
		}
		return Optional.of(new Schedule(definition.name(), shownAs, Objects.requireNonNull(entry.job()), cron, zone,
				parameters, missed, maxDuration, Boolean.TRUE.equals(entry.rerun()),
				Objects.requireNonNull(entry.description())));
	}

	/**
	 * The first {@code count} fire times strictly after a time, in the schedule's zone.
	 */
	public List<ZonedDateTime> next(Instant after, int count) {
		return this.cron.next(after, this.zone, count);
	}

	/**
	 * A fire time as people read it, e.g.
	 * {@code 2026-12-01 02:30:00 +01:00 Europe/Paris}.
	 */
	public static String format(ZonedDateTime time) {
		return FORMAT.format(time);
	}

	/** What a start does about fire times missed while the scheduler was not running. */
	public enum Missed {

		/** Run once, for the latest missed fire time. */
		RUN_ONCE,

		/** Run nothing; wait for the next fire time. */
		SKIP;

		/** As written in a schedule: {@code run-once} or {@code skip}. */
		public String text() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Optional<Missed> of(String text) {
			for (Missed missed : values()) {
				if (missed.text().equals(text.strip())) {
					return Optional.of(missed);
				}
			}
			return Optional.empty();
		}

	}

	private static final class Counting implements Consumer<Problem> {

		private final Consumer<Problem> target;

		private int count;

		Counting(Consumer<Problem> target) {
			this.target = target;
		}

		@Override
		public void accept(Problem problem) {
			this.count++;
			this.target.accept(problem);
		}

	}

}
