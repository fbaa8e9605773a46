package fr.territoire.disclosure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.secrecy.SecondarySuppression;
import fr.territoire.secrecy.SuppressionMethod;
import fr.territoire.secrecy.SuppressionResult;

/**
 * Scratch: suppression then audit on a copy of a warehouse, the public layer read from
 * mart.secrecy_cell.
 */
public final class SecrecyAuditLoop {

	public static void main(String[] args) throws Exception {
		Path source = Path.of(args[0]);
		Path project = Path.of(args[1]);
		Path copy = Path.of(args[2]);
		String only = (args.length > 3) ? args[3] : null;
		Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + copy)) {
			List<String[]> parts = new ArrayList<>();
			try (Statement s = c.createStatement();
					ResultSet r = s
						.executeQuery("SELECT DISTINCT table_id, period FROM mart.secrecy_cell ORDER BY ALL")) {
				while (r.next()) {
					parts.add(new String[] { r.getString(1), r.getString(2) });
				}
			}
			try (Statement s = c.createStatement()) {
				s.execute("UPDATE mart.secrecy_cell SET status = 'ok' WHERE status = 'secret_secondary'");
			}
			for (String[] p : parts) {
				if (only != null && !only.equals(p[0])) {
					continue;
				}
				SuppressionResult result = SecondarySuppression.protect(c, p[0], Integer.parseInt(p[1]),
						SuppressionMethod.valueOf(System.getProperty("method", "GAUSSIAN")), 0.10);
				System.out.println(result);
			}
			Map<String, String> sql = new HashMap<>(DisclosureQueries.load(project).sql());
			sql.put("published_cells",
					"SELECT 'i', level, territory_code, sector_level, sector_code, status, "
							+ "CASE WHEN status = 'ok' THEN value END, NULL, CASE WHEN status = 'ok' THEN value END "
							+ "FROM mart.secrecy_cell WHERE published AND table_id = ? AND period = ?");
			if (only != null) {
				sql.put("protected_tables", "SELECT * FROM (" + sql.get("protected_tables").replace(";", "")
						+ ") WHERE table_id = '" + only + "'");
			}
			DisclosureReport report = DisclosureAudit.audit(c, new DisclosureQueries(sql), 0.10);
			for (TableResult t : report.tables()) {
				System.out.println(t.tableId() + " " + t.period() + " determined=" + t.determined() + " intervals="
						+ t.intervalChecked() + " intervalFailed=" + t.intervalFailed() + " singletons="
						+ t.singletonFailed() + " failures=" + t.failures().size());
			}
			for (Failure f : report.failures()) {
				System.out.println("FAIL " + f);
			}
		}
	}

}
