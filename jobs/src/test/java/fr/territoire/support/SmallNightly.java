package fr.territoire.support;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One nightly on the small test inbox ({@link SmallInbox}, département 67) of
 * {@link SampleNightly#DATE}, run once ({@link SharedNightly}: once per build under
 * Maven, into {@code target/small-nightly-<build>/}) for the integration tests that go on
 * from a finished nightly and test the pipeline's machinery (reuse, promotion, readers
 * during a run, the changelog) rather than the samples' figures: each copies its home and
 * runs its next command on the small inbox, a few seconds where the samples' 35,000
 * communes take a minute.
 */
public final class SmallNightly {

	/** The run date. */
	public static final String DATE = SampleNightly.DATE;

	private static final SharedNightly NIGHTLY = new SharedNightly("small-nightly", DATE, SmallInbox::folder);

	private SmallNightly() {
	}

	/** The home of the run; the run must have succeeded. */
	public static Path home() throws IOException {
		return NIGHTLY.home();
	}

	/**
	 * A copy of the run's home into an empty or missing folder, as
	 * {@link SampleNightly#copyHome(Path, Path)} makes it; the run must have succeeded.
	 * @param target the home to create
	 * @return the target
	 */
	public static Path copyHomeTo(Path target) throws IOException {
		return SampleNightly.copyHome(home(), target);
	}

}
