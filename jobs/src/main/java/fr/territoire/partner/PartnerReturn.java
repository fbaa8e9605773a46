package fr.territoire.partner;

import java.util.List;

/**
 * What a partner gets back after a run: what became of each file it sent, each rejected
 * row with its reason and the cell to fix, and what its data helped publish.
 *
 * @param partnerId the partner's id
 * @param partnerName its name
 * @param runId the run, {@code <date>-<instance>} (the release's id)
 * @param runDate the run's date
 * @param outcome the run's outcome, in French
 * @param files one line per file read
 * @param rejects one line per rejected row, in file and row order
 * @param published one line per indicator its data feeds (empty when nothing was
 * published)
 */
record PartnerReturn(String partnerId, String partnerName, String runId, String runDate, String outcome,
		List<FileLine> files, List<RejectLine> rejects, List<PublishedLine> published) {

	PartnerReturn {
		files = List.copyOf(files);
		rejects = List.copyOf(rejects);
		published = List.copyOf(published);
	}

	/** Rows received, staged and rejected of one file. */
	record FileLine(String source, String file, long received, long staged, long rejected) {
	}

	/**
	 * A rejected row and the cell to fix.
	 *
	 * @param source the mapping
	 * @param file the file as named in the inbox
	 * @param sheet the sheet's name (workbooks), else empty
	 * @param row the sheet row of a workbook, the record number of a text file (1 for the
	 * first row under the header)
	 * @param column the column's header
	 * @param letter the column's letter (workbooks), else empty
	 * @param value the value as the file holds it
	 * @param reason why it was rejected, in French
	 * @param rule the rule broken
	 */
	record RejectLine(String source, String file, String sheet, long row, String column, String letter, String value,
			String reason, String rule) {

		/** The cell, e.g. {@code C12}; empty without a column letter. */
		String cell() {
			return this.letter.isEmpty() ? "" : this.letter + this.row;
		}

	}

	/** An indicator the partner's data feeds, with the cells published and secret. */
	record PublishedLine(String indicatorId, String label, long cellsPublished, long cellsSecret) {
	}

}
