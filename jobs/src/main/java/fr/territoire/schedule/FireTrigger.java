package fr.territoire.schedule;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Spring's {@link CronTrigger}, remembering the fire time it gave last so that the task
 * knows which fire it runs for (the task runs before the next one is asked for).
 */
final class FireTrigger implements Trigger {

	private final CronTrigger cron;

	private volatile @Nullable Instant scheduled;

	FireTrigger(Cron cron, ZoneId zone) {
		this.cron = new CronTrigger(String.join(" ", cron.fields()), zone);
	}

	@Override
	public @Nullable Instant nextExecution(TriggerContext context) {
		Instant next = this.cron.nextExecution(context);
		this.scheduled = next;
		return next;
	}

	/** The fire time the running task is for. */
	@Nullable Instant scheduled() {
		return this.scheduled;
	}

}
