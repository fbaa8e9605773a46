package fr.territoire.secrecy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

/**
 * By hand: ours and the baseline in memory on a large warehouse opened read-only (nothing
 * written), with their loss and time. {@code -Dsecrecy.trace=true} prints every stage.
 */
public final class ProtectionProbe {

	public static void main(String[] args) throws Exception {
		Properties p = new Properties();
		p.setProperty("duckdb.read_only", "true");
		SuppressionTable table;
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], p)) {
			table = SuppressionTable.read(c, args[1], Integer.parseInt(args[2]));
		}
		long t0 = System.nanoTime();
		byte[] baseline = SmallestCellProtection.protect(table);
		System.out.println(
				"baseline " + SecondarySuppression.result(table, baseline, Duration.ofNanos(System.nanoTime() - t0)));
		t0 = System.nanoTime();
		byte[] ours = new GaussianProtection(table, 0.10).protect();
		System.out
			.println("ours " + SecondarySuppression.result(table, ours, Duration.ofNanos(System.nanoTime() - t0)));
	}

}
