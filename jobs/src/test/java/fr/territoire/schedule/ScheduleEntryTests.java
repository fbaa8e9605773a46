package fr.territoire.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import fr.territoire.config.Problem;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading {@code schedules/*.yaml}: defaults, every key, and each invalid value reported
 * with its file and line.
 */
class ScheduleEntryTests {

	@TempDir
	Path project;

	@Test
	void theShippedScheduleRunsTheNightlyAt0230InParis() {
		ScheduleCatalog catalog = ScheduleCatalog.load(SampleExpectations.PROJECT);
		assertThat(catalog.problems()).isEmpty();
		Schedule nightly = catalog.schedules().get(0);
		assertThat(nightly.job()).isEqualTo("nightly");
		assertThat(nightly.cron().fields()).containsExactly("0", "30", "2", "*", "*", "*");
		assertThat(nightly.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
	}

	@Test
	void aMinimalEntryTakesTheDefaults() throws IOException {
		write("minimal.yaml", "job: nightly\ncron: \"30 2 * * *\"\ndescription: Nightly.\n");
		Schedule schedule = only();
		assertThat(schedule.name()).isEqualTo("minimal");
		assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(schedule.missed()).isEqualTo(Schedule.Missed.RUN_ONCE);
		assertThat(schedule.maxDuration()).isNull();
		assertThat(schedule.rerun()).isFalse();
		assertThat(schedule.parameters()).isEmpty();
	}

	@Test
	void everyKeyIsRead() throws IOException {
		write("full.yml", """
				job: noop
				cron: "@hourly"
				zone: Pacific/Noumea
				parameters:
				  step-millis: "250"
				missed: skip
				max-duration: PT1H30M
				rerun: true
				description: Every hour in Nouméa.
				""");
		Schedule schedule = only();
		assertThat(schedule.job()).isEqualTo("noop");
		assertThat(schedule.cron().fields()).containsExactly("0", "0", "*", "*", "*", "*");
		assertThat(schedule.zone()).isEqualTo(ZoneId.of("Pacific/Noumea"));
		assertThat(schedule.parameters()).isEqualTo(Map.of("step-millis", "250"));
		assertThat(schedule.missed()).isEqualTo(Schedule.Missed.SKIP);
		assertThat(schedule.maxDuration()).isEqualTo(Duration.ofMinutes(90));
		assertThat(schedule.rerun()).isTrue();
	}

	@Test
	void eachInvalidValueIsReportedWithItsLine() throws IOException {
		write("bad.yaml", """
				job: nightly
				description: Wrong in every way.
				cron: "30 2 * *"
				zone: Europe/Pariss
				missed: twice
				max-duration: 4 hours
				parameters:
				  date: "2026-01-01"
				""");
		ScheduleCatalog catalog = ScheduleCatalog.load(this.project);
		assertThat(catalog.schedules()).isEmpty();
		assertThat(catalog.problems()).extracting(Problem::file).containsOnly("schedules/bad.yaml");
		assertThat(catalog.problems()).extracting(Problem::line).containsExactly(3, 4, 5, 6, 8);
		assertThat(catalog.problems()).extracting(Problem::message)
			.containsExactly(
					"'30 2 * *' has 4 field(s): write 5 (minute hour day month weekday), 6 with seconds "
							+ "first, or a macro such as @daily",
					"unknown time zone 'Europe/Pariss'", "missed is 'twice'",
					"max-duration '4 hours' is not an ISO-8601 duration", "parameter 'date' is set by the runner");
	}

	@Test
	void missingKeysAndUnknownKeysAreErrors() throws IOException {
		write("empty-ish.yaml", "zone: Europe/Paris\n");
		write("typo.yaml", "job: nightly\ncron: \"@daily\"\ndescription: x\nmax_duration: PT1H\n");
		ScheduleCatalog catalog = ScheduleCatalog.load(this.project);
		assertThat(catalog.schedules()).isEmpty();
		assertThat(catalog.problems()).extracting(Problem::toString)
			.contains("schedules/empty-ish.yaml: job is required (hint: e.g. job: nightly)")
			.anyMatch((problem) -> problem.startsWith("schedules/typo.yaml:4: unknown key 'max_duration'"));
	}

	private Schedule only() {
		ScheduleCatalog catalog = ScheduleCatalog.load(this.project);
		assertThat(catalog.problems()).isEmpty();
		List<Schedule> schedules = catalog.schedules();
		assertThat(schedules).hasSize(1);
		return schedules.get(0);
	}

	private void write(String name, String text) throws IOException {
		Files.createDirectories(this.project.resolve("schedules"));
		Files.writeString(this.project.resolve("schedules").resolve(name), text);
	}

}
