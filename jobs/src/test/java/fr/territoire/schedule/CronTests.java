package fr.territoire.schedule;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Cron expressions: the forms accepted, their next fire times (computed here with plain
 * java.time), and their crontab and systemd renderings (checked by a cron-syntax
 * validator of this test's own).
 */
class CronTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T00:00:00Z");

	@Test
	void fiveFieldsSixFieldsWithSecondZeroAndTheirNextFireTimesAgree() {
		List<ZonedDateTime> expected = new ArrayList<>();
		for (int day = 0; day < 5; day++) {
			expected.add(LocalDate.of(2026, 12, 1).plusDays(day).atTime(2, 30).atZone(PARIS));
		}
		assertThat(Cron.parse("30 2 * * *").next(DECEMBER_FIRST, PARIS, 5)).isEqualTo(expected);
		assertThat(Cron.parse("0 30 2 * * *").next(DECEMBER_FIRST, PARIS, 5)).isEqualTo(expected);
		assertThat(Cron.parse("30 2 * * *").fields()).containsExactly("0", "30", "2", "*", "*", "*");
		// 02:30 in Paris is 01:30 UTC in winter
		assertThat(expected.get(0).toInstant()).isEqualTo(Instant.parse("2026-12-01T01:30:00Z"));
	}

	@Test
	void aSixFieldExpressionFiresEverySecond() {
		Instant start = Instant.parse("2026-12-01T10:00:00.400Z");
		assertThat(Cron.parse("* * * * * *").next(start, PARIS, 3)).extracting(ZonedDateTime::toInstant)
			.containsExactly(Instant.parse("2026-12-01T10:00:01Z"), Instant.parse("2026-12-01T10:00:02Z"),
					Instant.parse("2026-12-01T10:00:03Z"));
	}

	@Test
	void macrosFireAtMidnightOfTheirPeriod() {
		ZonedDateTime nextSunday = LocalDate.of(2026, 12, 1)
			.with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
			.atStartOfDay(PARIS);
		assertThat(Cron.parse("@weekly").next(DECEMBER_FIRST, PARIS)).isEqualTo(nextSunday);
		assertThat(Cron.parse("@daily").next(DECEMBER_FIRST, PARIS))
			.isEqualTo(LocalDate.of(2026, 12, 2).atStartOfDay(PARIS));
		assertThat(Cron.parse("@monthly").next(DECEMBER_FIRST, PARIS))
			.isEqualTo(LocalDate.of(2027, 1, 1).atStartOfDay(PARIS));
		assertThat(Cron.parse("@hourly").next(DECEMBER_FIRST, PARIS))
			.isEqualTo(DECEMBER_FIRST.atZone(PARIS).plusHours(1));
		assertThat(Cron.parse("@yearly").next(DECEMBER_FIRST, PARIS))
			.isEqualTo(LocalDate.of(2027, 1, 1).atStartOfDay(PARIS));
	}

	@Test
	void anExpressionOfTheWrongShapeIsRefusedWithItsReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cron.parse("30 2 * *")).withMessageContaining("4 field");
		assertThatIllegalArgumentException().isThrownBy(() -> Cron.parse("0 30 2 * * * 2026"))
			.withMessageContaining("7 field");
		assertThatIllegalArgumentException().isThrownBy(() -> Cron.parse("61 2 * * *"))
			.withMessageContaining("not a valid cron expression");
		assertThatIllegalArgumentException().isThrownBy(() -> Cron.parse("@fortnightly"))
			.withMessageContaining("unknown macro");
	}

	@Test
	void theShippedScheduleIsAValidCrontabLineWithItsZone() {
		Schedule nightly = ScheduleCatalog.load(fr.territoire.support.SampleExpectations.PROJECT).schedules().get(0);
		ScheduleExports exports = new ScheduleExports(Path.of("/opt/territoire/territoire"), Path.of("/srv/home"));
		String crontab = exports.crontab(List.of(nightly));
		List<String> entries = crontab.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
		assertThat(entries).containsExactly("CRON_TZ=Europe/Paris",
				"30 2 * * * TZ=Europe/Paris /opt/territoire/territoire --home /srv/home run nightly");
		entries.forEach(CronTests::assertValidCrontabLine);
	}

	@Test
	void namesStepsAndRangesBecomeStandardCronAndOnCalendar() {
		Map<String, List<String>> expected = Map.of("0 0 6 * * MON-FRI",
				List.of("0 6 * * 1-5", "Mon..Fri *-*-* 06:00:00 Europe/Paris"), "*/15 * * * *",
				List.of("*/15 * * * *", "*-*-* *:00/15:00 Europe/Paris"), "0 30 2 1,15 JAN-MAR ?",
				List.of("30 2 1,15 1-3 *", "*-01..03-01,15 02:30:00 Europe/Paris"), "@weekly",
				List.of("0 0 * * 0", "Sun *-*-* 00:00:00 Europe/Paris"));
		expected.forEach((cron, renderings) -> {
			Cron parsed = Cron.parse(cron);
			assertThat(CronFields.crontab(parsed)).as(cron).isEqualTo(renderings.get(0));
			assertValidCrontabLine(CronFields.crontab(parsed) + " true");
			assertThat(CronFields.onCalendar(parsed, "Europe/Paris")).as(cron).isEqualTo(renderings.get(1));
			assertSystemdAccepts(renderings.get(1));
		});
	}

	@Test
	void whatCronCannotSayIsAComment() {
		ScheduleExports exports = new ScheduleExports(Path.of("/opt/t/territoire"), Path.of("/srv/home"));
		Schedule everySecond = schedule("*/5 * * * * *");
		Schedule bothDays = schedule("0 0 1 * MON");
		String crontab = exports.crontab(List.of(everySecond, bothDays));
		assertThat(crontab.lines().filter((line) -> !line.isBlank() && !line.startsWith("#"))).isEmpty();
		assertThat(crontab).contains("# not expressible in cron: '*/5 * * * * *' it fires at second */5")
			.contains(
					"# not expressible in cron: '0 0 1 * MON' it restricts both the day of month and the day of week");
		assertThat(exports.systemd(List.of(everySecond))).contains("OnCalendar=*-*-* *:*:00/5 Europe/Paris");
	}

	@Test
	void systemdUnitsCallTheRunWithTheZoneParametersAndMaxDuration() {
		Schedule schedule = new Schedule("weekly-noop", "schedules/weekly-noop.yaml", "noop", Cron.parse("0 5 * * 1"),
				ZoneId.of("America/Cayenne"), Map.of("step-millis", "10"), Schedule.Missed.SKIP, Duration.ofHours(4),
				true, "Every Monday at 05:00 in Guyane");
		String units = new ScheduleExports(Path.of("/opt/t/territoire"), Path.of("/srv/home"))
			.systemd(List.of(schedule));
		assertThat(units).contains("# File: territoire-weekly-noop.timer\n[Unit]\n")
			.contains("OnCalendar=Mon *-*-* 05:00:00 America/Cayenne\n")
			.contains("Persistent=false\n")
			.contains("Unit=territoire-weekly-noop.service\n")
			.contains("Environment=TZ=America/Cayenne\n")
			.contains("ExecStart=/opt/t/territoire --home /srv/home run noop --rerun --parameter step-millis=10\n")
			.contains("TimeoutStartSec=14400\n");
		assertSystemdAccepts("Mon *-*-* 05:00:00 America/Cayenne");
	}

	private static Schedule schedule(String cron) {
		return new Schedule("s", "schedules/s.yaml", "noop", Cron.parse(cron), PARIS, Map.of(),
				Schedule.Missed.RUN_ONCE, null, false, "test");
	}

	/**
	 * A crontab line as cron reads it: an environment setting, or five fields (numbers,
	 * {@code *}, ranges, lists and steps within each field's bounds) and a command.
	 */
	private static void assertValidCrontabLine(String line) {
		if (line.matches("[A-Z_]+=\\S+")) {
			return;
		}
		String[] words = line.split(" ", 6);
		assertThat(words).as(line).hasSize(6);
		int[][] bounds = { { 0, 59 }, { 0, 23 }, { 1, 31 }, { 1, 12 }, { 0, 7 } };
		for (int i = 0; i < 5; i++) {
			for (String item : words[i].split(",")) {
				String[] step = item.split("/", -1);
				assertThat(step.length).as(line).isBetween(1, 2);
				if (step.length == 2) {
					assertThat(Integer.parseInt(step[1])).as(line).isPositive();
				}
				if (step[0].equals("*")) {
					continue;
				}
				String[] range = step[0].split("-", -1);
				assertThat(range.length).as(line).isBetween(1, 2);
				for (String number : range) {
					assertThat(number).as(line).matches("[0-9]+");
					assertThat(Integer.parseInt(number)).as(line).isBetween(bounds[i][0], bounds[i][1]);
				}
				if (range.length == 2) {
					assertThat(Integer.parseInt(range[0])).as(line).isLessThanOrEqualTo(Integer.parseInt(range[1]));
				}
			}
		}
		assertThat(words[5]).as(line).isNotBlank();
	}

	/** systemd's own parser, where installed (it is on Debian, not always in CI). */
	private static void assertSystemdAccepts(String calendar) {
		Path analyze = Path.of("/usr/bin/systemd-analyze");
		if (!java.nio.file.Files.isExecutable(analyze)) {
			return;
		}
		try {
			Process process = new ProcessBuilder(analyze.toString(), "calendar", calendar).redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(calendar + "\n" + output).isZero();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void missedFireTimesAreThoseBetweenTheLastHandledAndNow() {
		Schedule monthly = schedule("@monthly");
		// up to 23:59:59 in Paris on 30 November: 1 December 00:00 in Paris (23:00 UTC)
		// is not missed yet
		List<ZonedDateTime> missed = Scheduler.missed(monthly, Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-11-30T22:59:59Z"));
		List<ZonedDateTime> expected = new ArrayList<>();
		for (int month = 2; month <= 11; month++) {
			expected.add(LocalDate.of(2026, month, 1).atTime(LocalTime.MIDNIGHT).atZone(PARIS));
		}
		assertThat(missed).isEqualTo(expected);
		assertThat(
				Scheduler.missed(monthly, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-30T22:59:59Z")))
			.isEmpty();
	}

}
