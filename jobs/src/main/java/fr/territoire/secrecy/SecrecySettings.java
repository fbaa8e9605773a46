package fr.territoire.secrecy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.config.Problem;
import fr.territoire.config.ProjectFolders;
import org.jspecify.annotations.Nullable;

/**
 * The settings of statistical secrecy ({@code warehouse/secrecy.yaml}), each with the
 * default INSEE applies when absent.
 *
 * @param minUnits a cell resting on fewer units is secret (frequency rule, default 3)
 * @param dominance a cell of a business figure where one unit makes more than this share
 * is secret (dominance rule, default 0.85)
 * @param secondary whether secondary secrecy runs (default true; off, the audit fails)
 * @param method {@code gaussian} (default) or {@code smallest_cell} (the baseline)
 * @param interval the audit's protection interval for primary cells of business figures,
 * as a share of their value (default 0.10)
 */
public record SecrecySettings(@JsonProperty("min_units") @Nullable Integer minUnits, @Nullable Double dominance,
		@Nullable Boolean secondary, @Nullable String method, @Nullable Double interval) {

	/** INSEE's thresholds: 3 units, 85 %, secondary secrecy by Gaussian elimination. */
	public static final SecrecySettings DEFAULTS = new SecrecySettings(3, 0.85, true, "gaussian", 0.10);

	public SecrecySettings {
		minUnits = (minUnits != null) ? minUnits : 3;
		dominance = (dominance != null) ? dominance : 0.85;
		secondary = (secondary != null) ? secondary : Boolean.TRUE;
		method = (method != null) ? method : "gaussian";
		interval = (interval != null) ? interval : 0.10;
		if (minUnits < 1) {
			throw new IllegalArgumentException("min_units must be at least 1, not " + minUnits);
		}
		if (dominance <= 0 || dominance > 1) {
			throw new IllegalArgumentException("dominance is a share of the cell's value, above 0 and at most 1, not "
					+ dominance + " (write 0.85 for 85 %)");
		}
		if (interval < 0 || interval >= 1) {
			throw new IllegalArgumentException("interval is a share of a cell's value, from 0 to below 1, not "
					+ interval + " (write 0.10 for ±10 %)");
		}
		if (!List.of("gaussian", "smallest_cell").contains(method)) {
			throw new IllegalArgumentException("method must be gaussian or smallest_cell, not '" + method + "'");
		}
	}

	/** The suppression method the settings name. */
	public SuppressionMethod suppressionMethod() {
		return SuppressionMethod.valueOf(this.method.toUpperCase(Locale.ROOT));
	}

	/**
	 * Loads {@code warehouse/secrecy.yaml} (or {@code .yml}); problems go to the list.
	 * @return the settings; the defaults when the file is missing, and when it is invalid
	 * (the problem then makes the configuration invalid)
	 */
	public static SecrecySettings load(Path project, List<Problem> problems) {
		Path folder = ProjectFolders.of(project).warehouse();
		if (!Files.isRegularFile(folder.resolve("secrecy.yaml"))
				&& !Files.isRegularFile(folder.resolve("secrecy.yml"))) {
			return DEFAULTS;
		}
		SecrecySettings read = DefinitionFolder.readFile(project, folder, "secrecy", SecrecySettings.class,
				problems::add);
		return (read != null) ? read : DEFAULTS;
	}

}
