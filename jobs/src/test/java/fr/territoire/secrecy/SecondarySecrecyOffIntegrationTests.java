package fr.territoire.secrecy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.territoire.secrecy.ClusterMembers.Cell;
import fr.territoire.secrecy.ClusterMembers.Figure;
import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.StockFigures;
import fr.territoire.support.StockFigures.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit can fail: with secondary secrecy turned off in
 * {@code warehouse/secrecy.yaml}, only the cells breaking the rules are secret, and some
 * of them can be recomputed from published totals. The run then exits 1 naming a
 * recoverable cell, and nothing is published. The test first shows such a cell itself,
 * from the members workbook: a total whose parts are all published but one.
 */
class SecondarySecrecyOffIntegrationTests {

	@Test
	void theDisclosureAuditStopsPublicationAndNamesARecoverableCell(@TempDir Path folder)
			throws IOException, InterruptedException {
		Map<Cell, Figure> cells = ClusterMembers.cells(ClusterMembers.members(), StockFigures.samples());
		assertThat(recoverableWithPrimaryOnly(cells)).as("cells a subtraction recovers when only primaries are secret")
			.isNotEmpty();

		Path project = folder.resolve("project");
		SampleExpectations.copyConfiguration(project);
		Path settings = project.resolve("warehouse/secrecy.yaml");
		Files.writeString(settings, Files.readString(settings).replace("secondary: true", "secondary: false"));
		Path inbox = folder.resolve("inbox");
		SampleExpectations.copySamples(inbox);
		Path home = folder.resolve("home");

		Launcher.Result run = Launcher.runIn(project, "run", "nightly", "--date", "2026-11-23", "--home",
				home.toString(), "--inbox", inbox.toString());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("[SECRET_RECOVERABLE]").contains("partner_turnover");
		List<String> named = new ArrayList<>();
		for (Cell cell : cells.keySet()) {
			if (cells.get(cell).primary() && run.output().contains(cell.territory().code())) {
				named.add(cell.territory().code());
			}
		}
		assertThat(named).as("a primary cell of the workbook is named").isNotEmpty();
		assertThat(home.resolve("publish/latest")).doesNotExist();
	}

	/**
	 * Cells a plain subtraction recovers when only the primary cells are secret: in a
	 * relation (France = Σ régions, région = Σ its départements, total = Σ filières of a
	 * territory) of published levels, exactly one cell secret.
	 */
	static Set<Cell> recoverableWithPrimaryOnly(Map<Cell, Figure> cells) throws IOException {
		StockFigures places = StockFigures.samples();
		Map<Cell, List<Cell>> relations = new HashMap<>();
		Map<String, String> regionOfDepartement = new HashMap<>();
		for (ClusterMembers.Member member : ClusterMembers.members()) {
			regionOfDepartement.put(places.of("departement", member.commune()).code(),
					places.of("region", member.commune()).code());
		}
		for (Cell cell : cells.keySet()) {
			Territory territory = cell.territory();
			Territory parent = switch (territory.level()) {
				case "region" -> Territory.FRANCE;
				case "departement" -> new Territory("region", regionOfDepartement.get(territory.code()));
				default -> null;
			};
			if (parent != null) {
				relations.computeIfAbsent(new Cell(parent, cell.filiere()), (key) -> new ArrayList<>()).add(cell);
			}
			if (!cell.filiere().equals(ClusterMembers.TOTAL)) {
				relations.computeIfAbsent(new Cell(territory, ClusterMembers.TOTAL), (key) -> new ArrayList<>())
					.add(cell);
			}
		}
		Set<Cell> recoverable = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
		relations.forEach((total, parts) -> {
			List<Cell> all = new ArrayList<>(parts);
			all.add(total);
			List<Cell> secret = all.stream().filter((cell) -> cells.get(cell).primary()).toList();
			if (secret.size() == 1) {
				recoverable.add(secret.get(0));
			}
		});
		return recoverable;
	}

}
