package fr.territoire.secrecy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.territoire.support.SampleExpectations;
import fr.territoire.support.StockFigures;
import fr.territoire.support.StockFigures.Territory;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bundled cluster members workbook read again with POI, and its turnover summed by
 * territory (EPCI, département, région, France) and filière by plain Java: each cell's
 * value, the firms (sirens) with a turnover in it and the largest firm's share.
 */
final class ClusterMembers {

	static final Path WORKBOOK = SampleExpectations.SAMPLES.resolve("partners/cluster-aero-grand-est/membres.xlsx");

	static final String TOTAL = "_T";

	/** A member with a turnover: its firm, commune and filière. */
	record Member(String siren, String commune, String filiere, double turnover) {
	}

	/** A cell: a territory and a filière ({@value #TOTAL} for all). */
	record Cell(Territory territory, String filiere) {
	}

	/** What a cell holds: its value and each firm's part. */
	record Figure(double value, Map<String, Double> byFirm) {

		int firms() {
			return (int) this.byFirm.values().stream().filter((part) -> part != 0).count();
		}

		double topShare() {
			return this.byFirm.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) / this.value;
		}

		boolean primary() {
			return firms() < 3 || topShare() > 0.85;
		}

	}

	private ClusterMembers() {
	}

	static List<Member> members() throws IOException {
		List<Member> members = new ArrayList<>();
		try (InputStream in = Files.newInputStream(WORKBOOK); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<String, Integer> columns = new HashMap<>();
			int first = -1;
			for (Row row : sheet) {
				if (first < 0) {
					for (org.apache.poi.ss.usermodel.Cell cell : row) {
						if (cell.getCellType() == CellType.STRING) {
							columns.put(cell.getStringCellValue(), cell.getColumnIndex());
						}
					}
					if (columns.containsKey("SIRET") && columns.containsKey("Filière")) {
						first = row.getRowNum() + 1;
					}
					else {
						columns.clear();
					}
					continue;
				}
				org.apache.poi.ss.usermodel.Cell turnover = row.getCell(columns.get("Chiffre d'affaires (€)"));
				if (turnover == null || turnover.getCellType() != CellType.NUMERIC) {
					continue;
				}
				String siret = String.format("%014d", (long) row.getCell(columns.get("SIRET")).getNumericCellValue());
				members.add(new Member(siret.substring(0, 9), text(row.getCell(columns.get("Code commune"))),
						text(row.getCell(columns.get("Filière"))), turnover.getNumericCellValue()));
			}
		}
		return members;
	}

	/** Every cell of EPCI, département, région and France, by filière and in total. */
	static Map<Cell, Figure> cells(List<Member> members, StockFigures places) {
		Map<Cell, Map<String, Double>> parts = new HashMap<>();
		for (Member member : members) {
			for (Territory territory : places.territoriesOf(member.commune())) {
				if (territory.level().equals("commune")) {
					continue;
				}
				for (String filiere : List.of(member.filiere(), TOTAL)) {
					parts.computeIfAbsent(new Cell(territory, filiere), (key) -> new TreeMap<>())
						.merge(member.siren(), member.turnover(), Double::sum);
				}
			}
		}
		Map<Cell, Figure> cells = new HashMap<>();
		parts.forEach((cell, byFirm) -> cells.put(cell,
				new Figure(byFirm.values().stream().mapToDouble(Double::doubleValue).sum(), byFirm)));
		return cells;
	}

	private static String text(org.apache.poi.ss.usermodel.Cell cell) {
		return (cell.getCellType() == CellType.NUMERIC) ? String.valueOf((long) cell.getNumericCellValue())
				: cell.getStringCellValue().strip();
	}

}
