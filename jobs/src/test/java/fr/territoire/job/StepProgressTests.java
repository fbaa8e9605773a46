package fr.territoire.job;

import java.time.Duration;

import fr.territoire.warehouse.RunningQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress of a running step, estimated from the time it took in the last run.
 */
class StepProgressTests {

	@Test
	void aStepSaysHowFarItIsFromTheTimeItTookLastRun() {
		var snapshot = new StepProgress.Snapshot("ingest.sirene_etablissement", Duration.ofSeconds(45),
				Duration.ofSeconds(180));
		assertThat(snapshot.fraction()).isEqualTo(0.25);
		assertThat(snapshot.describe()).isEqualTo(
				"step ingest.sirene_etablissement running for 45s, 25% of the 3m00s it took last run, ETA 2m15s");
		assertThat(snapshot.bar()).startsWith("[======>                 ] step ingest.sirene_etablissement");
	}

	@Test
	void aStepSlowerThanLastRunIsOverdueNeverPastNinetyNinePercent() {
		var snapshot = new StepProgress.Snapshot("model", Duration.ofSeconds(75), Duration.ofSeconds(60));
		assertThat(snapshot.fraction()).isEqualTo(0.99);
		assertThat(snapshot.describe()).endsWith("99% of the 1m00s it took last run, ETA overdue by 15s");
	}

	@Test
	void aStepNeverRunBeforeSaysThereIsNothingToEstimateFrom() {
		var snapshot = new StepProgress.Snapshot("model", Duration.ofSeconds(5), null);
		assertThat(snapshot.fraction()).isEqualTo(-1);
		assertThat(snapshot.describe()).isEqualTo("step model running for 5s (no earlier run to estimate from)");
	}

	@Test
	void aStatementDuckDbFollowsSaysItsRowsRateAndTimeLeft() {
		var snapshot = new StepProgress.Snapshot("ingest.sirene_etablissement", Duration.ofSeconds(40),
				Duration.ofSeconds(180))
			.with(new RunningQuery(25.0, 11_000_000, 44_000_000));
		// 11,000,000 rows in 40 s: 275,000 rows/s; 33,000,000 rows left: 120 s
		assertThat(snapshot.fraction()).isEqualTo(0.25);
		assertThat(snapshot.describe()).isEqualTo("step ingest.sirene_etablissement running for 40s, "
				+ "25% of its statement: 11,000,000 of 44,000,000 rows, 275,000 rows/s, ETA 2m00s");
		assertThat(snapshot.bar()).startsWith("[======>                 ] step ingest.sirene_etablissement");
	}

}
