package fr.territoire.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import fr.territoire.config.Problem;

/**
 * Audits of {@code warehouse/audits/} that read a table built after the layer they run
 * after (a textual search): {@code public.*} needs {@code after: public}, the indicators'
 * tables {@code after: indicators} or later. Without it they would fail on a missing
 * table in the middle of the night.
 */
public final class AuditOrder {

	private static final Pattern PUBLIC = Pattern.compile("(?i)\\bpublic\\s*\\.\\s*[a-z_]");

	private static final Pattern INDICATORS = Pattern.compile("(?i)\\bmart\\s*\\.\\s*indicator(_value)?\\b");

	private AuditOrder() {
	}

	public static List<Problem> problems(AuditCatalog catalog) {
		List<Problem> problems = new ArrayList<>();
		for (Audit audit : catalog.audits()) {
			AuditLayer after = audit.spec().after();
			AuditLayer needed = PUBLIC.matcher(audit.sql()).find() ? AuditLayer.PUBLIC
					: INDICATORS.matcher(audit.sql()).find() ? AuditLayer.INDICATORS : AuditLayer.STAGING;
			if (after.compareTo(needed) < 0) {
				problems.add(Problem.of(
						"warehouse/audits/" + audit.name() + ".yaml", "the audit reads tables of the "
								+ needed.yamlName() + " layer but runs after " + after.yamlName(),
						"add 'after: " + needed.yamlName() + "'"));
			}
		}
		return problems;
	}

}
