package fr.territoire.job;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notification at the end of each run ({@code territoire.notify.*}), off unless a
 * command is set.
 *
 * @param command a shell command run when a run ends (e.g. one that sends a mail), with
 * the environment variables {@code TERRITOIRE_STATUS} (COMPLETED, FAILED…),
 * {@code TERRITOIRE_REPORT} (the run report's path, empty if none),
 * {@code TERRITOIRE_JOB}, {@code TERRITOIRE_DATE}, {@code TERRITOIRE_EXECUTION} and
 * {@code TERRITOIRE_HOME}; null for no notification
 * @param timeout a command running longer is stopped
 */
@ConfigurationProperties("territoire.notify")
@Validated
public record NotifyProperties(@Nullable String command, @NotNull @DefaultValue("60s") Duration timeout) {

}
