package fr.territoire.secrecy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.SplittableRandom;

/** Scratch: the interval guard's throughput on a large warehouse, baseline pattern. */
public final class IntervalGuardProbe {

	public static void main(String[] args) throws Exception {
		Properties p = new Properties();
		p.setProperty("duckdb.read_only", "true");
		long t0 = System.nanoTime();
		SuppressionTable table;
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], p)) {
			table = SuppressionTable.read(c, args[1], Integer.parseInt(args[2]));
		}
		System.out.printf("read %.1f s, %d cells%n", (System.nanoTime() - t0) / 1e9, table.cellCount);
		t0 = System.nanoTime();
		byte[] status = SmallestCellProtection.protect(table);
		System.out.printf("baseline %.1f s%n", (System.nanoTime() - t0) / 1e9);
		t0 = System.nanoTime();
		boolean[] certified = IntervalCertificate.certified(table, status, 0.10);
		IntList uncertified = new IntList();
		long primary = 0;
		for (int cell = 0; cell < table.cellCount; cell++) {
			if (status[cell] == SuppressionTable.PRIMARY && table.value[cell] > 0) {
				primary++;
				if (!certified[cell]) {
					uncertified.add(cell);
				}
			}
		}
		System.out.printf("certificates %.1f s: %d primary > 0, %d uncertified%n", (System.nanoTime() - t0) / 1e9,
				primary, uncertified.size());
		SplittableRandom random = new SplittableRandom(1);
		IntervalGuard guard = new IntervalGuard(table, status, 0.10);
		long budget = Long.parseLong(args[3]) * 1_000_000_000L;
		t0 = System.nanoTime();
		int tried = 0;
		int narrow = 0;
		while (System.nanoTime() - t0 < budget) {
			IntList one = new IntList();
			one.add(uncertified.get(random.nextInt(uncertified.size())));
			narrow += guard.narrow(one).size();
			tried++;
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf(
				"%d sampled uncertified cells in %.1f s (%.1f ms each, %d programmes), %d narrow; "
						+ "extrapolated first pass %.0f s%n",
				tried, seconds, 1000 * seconds / tried, guard.programmes(), narrow,
				seconds / tried * uncertified.size());
	}

}
