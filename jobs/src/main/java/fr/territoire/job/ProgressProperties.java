package fr.territoire.job;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a run shows its progress ({@code territoire.progress.*}).
 *
 * @param logEvery without a terminal, the time between two progress lines in the log
 */
@ConfigurationProperties("territoire.progress")
@Validated
public record ProgressProperties(@NotNull @DefaultValue("10s") Duration logEvery) {

}
