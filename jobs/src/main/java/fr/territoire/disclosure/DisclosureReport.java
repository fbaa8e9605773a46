package fr.territoire.disclosure;

import java.util.List;

/**
 * What the disclosure audit proved: one result per protected table and period.
 *
 * @param tables the results, by table and period
 */
public record DisclosureReport(List<TableResult> tables) {

	public DisclosureReport {
		tables = List.copyOf(tables);
	}

	/** Every failure, in the order found. */
	public List<Failure> failures() {
		return this.tables.stream().flatMap((table) -> table.failures().stream()).toList();
	}

	public boolean passed() {
		return failures().isEmpty();
	}

}
