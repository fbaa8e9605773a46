package fr.territoire.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the run report shows, ready to print (numbers and times already formatted).
 *
 * @param title the page title
 * @param verdict the block at the top
 * @param failure why the run failed, null unless it did
 * @param steps one line per step, absent sources folded into one line
 * @param release the release produced and what changed since the previous one
 * @param sections the sections of {@code warehouse/reports/}, in order
 * @param chartData the data of the charts, as JSON
 */
public record RunReport(String title, Verdict verdict, @Nullable Failure failure, List<StepLine> steps, Release release,
		List<Section> sections, String chartData) {

	/**
	 * The verdict.
	 *
	 * @param status the job's status (COMPLETED, FAILED, STARTED…)
	 * @param statusNote what the status means for the reader
	 * @param ok whether the run completed
	 * @param job the job
	 * @param date the run date
	 * @param execution the job execution id
	 * @param instance the job instance id
	 * @param start the start, with its zone
	 * @param end the end, with its zone
	 * @param duration the duration
	 * @param release the release produced, or {@code none}
	 * @param promoted whether the warehouse and release were promoted
	 */
	public record Verdict(String status, String statusNote, boolean ok, String job, String date, long execution,
			long instance, String start, String end, String duration, String release, String promoted) {
	}

	/**
	 * Why a run failed.
	 *
	 * @param step the failing step
	 * @param code the error code
	 * @param message the message
	 * @param hint what to do
	 */
	public record Failure(String step, String code, String message, String hint) {
	}

	/**
	 * A line of the table of steps.
	 *
	 * @param name the step (or the folded steps)
	 * @param status its status
	 * @param duration how long it took
	 * @param read rows read
	 * @param written rows written
	 * @param rejected rows rejected
	 * @param folded whether the line stands for several steps
	 */
	public record StepLine(String name, String status, String duration, String read, String written, String rejected,
			boolean folded) {
	}

	/**
	 * The release produced and what changed since the previous one.
	 *
	 * @param id the release, or null when none was produced
	 * @param previous the previous release, from {@code changes.json}
	 * @param changes one table row per dataset of {@code changes.json}; empty when there
	 * is no changelog
	 * @param changelog whether {@code changes.json} was found
	 */
	public record Release(@Nullable String id, @Nullable String previous, List<List<Cell>> changes, boolean changelog) {
	}

	/**
	 * A section of {@code warehouse/reports/}.
	 *
	 * @param title its title
	 * @param description what it shows
	 * @param columns its columns
	 * @param rows its first rows
	 * @param more how many rows are not shown
	 * @param error why it is not available, or null
	 */
	public record Section(String title, @Nullable String description, List<String> columns, List<List<Cell>> rows,
			long more, @Nullable String error) {
	}

	/**
	 * A table cell.
	 *
	 * @param text its text
	 * @param number whether it is a number (right-aligned)
	 */
	public record Cell(String text, boolean number) {
	}

}
