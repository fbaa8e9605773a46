package fr.territoire.history;

import java.time.LocalDate;

/**
 * What one stock did to the history.
 *
 * @param stockMonth the month the stock stands for (first day)
 * @param fingerprint SHA-256 of the SHA-256 of the stock's files
 * @param applied whether the stock was taken into the history
 * @param reason why, in a few words
 * @param periodsClosed periods given a {@code valid_to}
 * @param periodsOpened periods opened
 */
public record HistoryOutcome(LocalDate stockMonth, String fingerprint, boolean applied, String reason,
		long periodsClosed, long periodsOpened) {

	static HistoryOutcome unchanged(LocalDate stockMonth, String fingerprint, String reason) {
		return new HistoryOutcome(stockMonth, fingerprint, false, reason, 0, 0);
	}

}
