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

	private final Cron expression;

	private final ZoneId zone;

	private volatile @Nullable Instant scheduled;

	FireTrigger(Cron cron, ZoneId zone) {
		this.cron = new CronTrigger(String.join(" ", cron.fields()), zone);
		this.expression = cron;
		this.zone = zone;
	}

	/**
	 * The next fire time, always after the previous one (a task run a little early must
	 * not fire the same time twice).
	 */
	@Override
	public @Nullable Instant nextExecution(TriggerContext context) {
		Instant next = this.cron.nextExecution(context);
		Instant previous = this.scheduled;
		if (next != null && previous != null && !next.isAfter(previous)) {
			next = this.expression.next(previous, this.zone).toInstant();
		}
		this.scheduled = next;
		return next;
	}

	/** The fire time the running task is for. */
	@Nullable Instant scheduled() {
		return this.scheduled;
	}

}
