package fr.territoire.status;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A run as {@code territoire status} shows it.
 *
 * @param job the job name
 * @param date the run date parameter
 * @param executionId the job execution
 * @param instanceId the job instance (one per job and date)
 * @param status the batch status
 * @param exitCode the exit status code
 * @param startTime when it started (ISO-8601 with its offset)
 * @param endTime when it ended, if it did (ISO-8601 with its offset)
 * @param timeZone the zone of the times (that of the machine running the jobs)
 * @param durationMillis how long it ran (so far, if it has not ended)
 * @param report the run report, if it was written
 * @param steps its steps
 */
public record RunStatus(String job, @Nullable String date, @JsonProperty("execution_id") long executionId,
		@JsonProperty("instance_id") long instanceId, String status, @JsonProperty("exit_code") String exitCode,
		@JsonProperty("start_time") @Nullable String startTime, @JsonProperty("end_time") @Nullable String endTime,
		@JsonProperty("time_zone") String timeZone, @JsonProperty("duration_ms") long durationMillis,
		@Nullable String report, List<Step> steps) {

	/**
	 * A step of a run.
	 *
	 * @param name the step name
	 * @param status its batch status
	 * @param read rows read
	 * @param written rows written (staged, built or published)
	 * @param rejected rows rejected
	 * @param durationMillis how long it took
	 */
	public record Step(String name, String status, long read, long written, long rejected,
			@JsonProperty("duration_ms") long durationMillis) {
	}

}
