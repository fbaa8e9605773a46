package fr.territoire.schedule;

import java.time.ZoneId;
import java.util.Objects;

import org.springframework.scheduling.support.CronExpression;

/**
 * One entry of {@code schedules/*.yaml}: which job runs when.
 *
 * @param job the job name
 * @param cron a six-field cron expression (second minute hour day month weekday)
 * @param zone the time zone the expression is read in
 * @param description why it runs then
 */
public record ScheduleEntry(String job, String cron, String zone, String description) {

	public ScheduleEntry {
		Objects.requireNonNull(job, "job is required");
		Objects.requireNonNull(cron, "cron is required");
		Objects.requireNonNull(zone, "zone is required");
		Objects.requireNonNull(description, "description is required");
		CronExpression.parse(cron);
		ZoneId.of(zone);
	}

}
