package fr.territoire.schedule;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One file of {@code schedules/}, as written: which job runs when. {@link Schedule#of}
 * validates it (each problem with its line).
 *
 * @param job the job name, e.g. {@code nightly}
 * @param cron when: 5-field cron (minute hour day month weekday), 6-field cron with
 * seconds first, or a macro such as {@code @daily} (see {@link Cron})
 * @param zone the time zone the expression is read in (default {@code Europe/Paris})
 * @param parameters job parameters given to each run (default none)
 * @param missed what a start of {@code territoire schedule} does about fire times missed
 * while it was not running: {@code run-once} (default) or {@code skip}
 * @param maxDuration a run still going after this (ISO-8601, e.g. {@code PT4H}) is
 * stopped at a step boundary and reported; none by default
 * @param rerun whether each fire starts a new run even if the run of its date already
 * completed (as {@code territoire run --rerun}); default false
 * @param description why it runs then
 */
public record ScheduleEntry(@Nullable String job, @Nullable String cron, @Nullable String zone,
		@Nullable Map<String, String> parameters, @Nullable String missed,
		@JsonProperty("max-duration") @Nullable String maxDuration, @Nullable Boolean rerun,
		@Nullable String description) {

}
