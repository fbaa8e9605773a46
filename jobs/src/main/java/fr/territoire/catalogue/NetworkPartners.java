package fr.territoire.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.warehouse.Sql;

/**
 * The network page's content ({@code reseau.html}), read from the release's
 * {@code partners} and {@code partner_contributions} datasets: each partner, its kind,
 * what it delivered and when, and the indicators its data feeds with their published and
 * secret cells. Empty when the release holds no {@code partners} dataset.
 */
final class NetworkPartners {

	static final String PARTNERS = "partners";

	static final String CONTRIBUTIONS = "partner_contributions";

	private NetworkPartners() {
	}

	static List<Partner> read(ReleaseViews views) {
		if (!views.has(ReleaseViews.CURRENT, PARTNERS)) {
			return List.of();
		}
		Map<String, List<Contribution>> contributions = new LinkedHashMap<>();
		if (views.has(ReleaseViews.CURRENT, CONTRIBUTIONS)) {
			boolean labels = views.has(ReleaseViews.CURRENT, CatalogueContent.INDICATORS);
			for (List<String> row : Sql.queryRows(views.connection(), "SELECT c.partner_id, c.indicator_id, "
					+ (labels ? "coalesce(i.label, '')" : "''") + ", c.cells_published, c.cells_secret FROM "
					+ ReleaseViews.view(ReleaseViews.CURRENT, CONTRIBUTIONS) + " c"
					+ (labels ? " LEFT JOIN " + ReleaseViews.view(ReleaseViews.CURRENT, CatalogueContent.INDICATORS)
							+ " i ON i.indicator_id = c.indicator_id" : "")
					+ " ORDER BY c.partner_id, c.indicator_id")) {
				contributions.computeIfAbsent(row.get(0), (key) -> new ArrayList<>())
					.add(new Contribution(row.get(1), row.get(2), PageText.count(Long.parseLong(row.get(3))),
							PageText.count(Long.parseLong(row.get(4)))));
			}
		}
		List<Partner> partners = new ArrayList<>();
		for (List<String> row : Sql.queryRows(views.connection(),
				"SELECT partner_id, name, kind_label, licence, confidentiality, coalesce(sources, ''), files, "
						+ "coalesce(CAST(last_file_date AS VARCHAR), ''), coalesce(CAST(last_run_date AS VARCHAR), ''), "
						+ "rows_received, rows_staged, rows_rejected FROM "
						+ ReleaseViews.view(ReleaseViews.CURRENT, PARTNERS) + " ORDER BY partner_id")) {
			partners.add(new Partner(row.get(0), row.get(1), row.get(2), row.get(3),
					row.get(4).equals("confidential") ? "confidentiel : agrégats sous secret statistique seulement"
							: "public",
					row.get(5), Long.parseLong(row.get(6)), row.get(7), row.get(8),
					PageText.count(Long.parseLong(row.get(9))), PageText.count(Long.parseLong(row.get(10))),
					PageText.count(Long.parseLong(row.get(11))), contributions.getOrDefault(row.get(0), List.of())));
		}
		return partners;
	}

	/**
	 * A partner as the page shows it.
	 *
	 * @param id its id
	 * @param name its name
	 * @param kind its kind, in French
	 * @param licence the licence of what it sends
	 * @param confidentiality its confidentiality, in French
	 * @param sources its sources
	 * @param files files it delivered to this run
	 * @param fileDate the date its workbooks state, empty if none
	 * @param runDate the date of the run that read them, empty if none
	 * @param rowsReceived rows read
	 * @param rowsStaged rows kept
	 * @param rowsRejected rows rejected
	 * @param contributions what its data feeds
	 */
	record Partner(String id, String name, String kind, String licence, String confidentiality, String sources,
			long files, String fileDate, String runDate, String rowsReceived, String rowsStaged, String rowsRejected,
			List<Contribution> contributions) {
	}

	/** An indicator a partner's data feeds, with its published and secret cells. */
	record Contribution(String indicatorId, String label, String cellsPublished, String cellsSecret) {
	}

}
