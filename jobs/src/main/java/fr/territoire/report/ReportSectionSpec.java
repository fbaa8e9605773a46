package fr.territoire.report;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a section of the run report, {@code warehouse/reports/<nn>_<name>.sql}.
 *
 * @param title the section's heading in the report
 * @param description what the section shows
 */
public record ReportSectionSpec(String title, @Nullable String description) {

	public ReportSectionSpec {
		Objects.requireNonNull(title, "title is required");
	}

}
