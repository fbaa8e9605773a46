package fr.territoire.partner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a partner's return file twice: {@code <id>.csv} (UTF-8 with a byte-order mark,
 * semicolons, as French spreadsheets open it; one table whose first column says what each
 * line is) and {@code <id>.xlsx} (one sheet per part).
 */
final class PartnerReturnWriter {

	/** The CSV columns, in order. */
	static final List<String> CSV_HEADER = List.of("rubrique", "source", "fichier", "feuille", "ligne", "colonne",
			"cellule", "valeur", "motif", "regle", "lignes_recues", "lignes_retenues", "lignes_rejetees", "indicateur",
			"cases_publiees", "cases_secretes");

	private PartnerReturnWriter() {
	}

	/** Writes both files in a folder; returns the CSV and the XLSX. */
	static List<Path> write(PartnerReturn result, Path folder) throws IOException {
		Files.createDirectories(folder);
		Path csv = folder.resolve(result.runId() + ".csv");
		Path xlsx = folder.resolve(result.runId() + ".xlsx");
		writeCsv(result, csv);
		writeXlsx(result, xlsx);
		return List.of(csv, xlsx);
	}

	static List<List<String>> csvRows(PartnerReturn result) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(line("execution", "", "", "", "", "", "", "", result.partnerName() + " — exécution " + result.runId()
				+ " du " + result.runDate() + " : " + result.outcome(), "", "", "", "", "", "", ""));
		for (PartnerReturn.FileLine file : result.files()) {
			rows.add(line("fichier", file.source(), file.file(), "", "", "", "", "", "", "",
					String.valueOf(file.received()), String.valueOf(file.staged()), String.valueOf(file.rejected()), "",
					"", ""));
		}
		for (PartnerReturn.RejectLine reject : result.rejects()) {
			rows.add(line("rejet", reject.source(), reject.file(), reject.sheet(), String.valueOf(reject.row()),
					reject.column(), reject.cell(), reject.value(), reject.reason(), reject.rule(), "", "", "", "", "",
					""));
		}
		for (PartnerReturn.PublishedLine published : result.published()) {
			rows.add(line("publication", "", "", "", "", "", "", "", published.label(), "", "", "", "",
					published.indicatorId(), String.valueOf(published.cellsPublished()),
					String.valueOf(published.cellsSecret())));
		}
		return rows;
	}

	private static List<String> line(String... values) {
		return List.of(values);
	}

	private static void writeCsv(PartnerReturn result, Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			out.write(csvLine(CSV_HEADER));
			for (List<String> row : csvRows(result)) {
				out.write(csvLine(row));
			}
		}
	}

	private static String csvLine(List<String> values) {
		List<String> quoted = new ArrayList<>();
		for (String value : values) {
			boolean quote = value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r");
			quoted.add(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
		}
		return String.join(";", quoted) + "\r\n";
	}

	private static void writeXlsx(PartnerReturn result, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "Territoire", "1.0");
			Worksheet summary = workbook.newWorksheet("Résumé");
			String[][] lines = { { "Partenaire", result.partnerName() + " (" + result.partnerId() + ")" },
					{ "Exécution", result.runId() }, { "Date", result.runDate() }, { "Issue", result.outcome() },
					{ "Lignes reçues",
							String.valueOf(result.files().stream().mapToLong(PartnerReturn.FileLine::received).sum()) },
					{ "Lignes retenues",
							String.valueOf(result.files().stream().mapToLong(PartnerReturn.FileLine::staged).sum()) },
					{ "Lignes rejetées", String.valueOf(result.rejects().size()) } };
			for (int i = 0; i < lines.length; i++) {
				summary.inlineString(i, 0, lines[i][0]);
				summary.inlineString(i, 1, lines[i][1]);
			}
			summary.range(0, 0, lines.length - 1, 0).style().bold().set();
			Worksheet files = sheet(workbook, "Fichiers", "Source", "Fichier", "Lignes reçues", "Lignes retenues",
					"Lignes rejetées");
			int row = 1;
			for (PartnerReturn.FileLine line : result.files()) {
				files.inlineString(row, 0, line.source());
				files.inlineString(row, 1, line.file());
				files.value(row, 2, line.received());
				files.value(row, 3, line.staged());
				files.value(row, 4, line.rejected());
				row++;
			}
			Worksheet rejects = sheet(workbook, "Rejets", "Fichier", "Feuille", "Ligne", "Colonne", "Cellule", "Valeur",
					"Motif", "Règle");
			row = 1;
			for (PartnerReturn.RejectLine line : result.rejects()) {
				rejects.inlineString(row, 0, line.file());
				rejects.inlineString(row, 1, line.sheet());
				rejects.value(row, 2, line.row());
				rejects.inlineString(row, 3, line.column());
				rejects.inlineString(row, 4, line.cell());
				rejects.inlineString(row, 5, line.value());
				rejects.inlineString(row, 6, line.reason());
				rejects.inlineString(row, 7, line.rule());
				row++;
			}
			Worksheet published = sheet(workbook, "Publication", "Indicateur", "Libellé", "Cases publiées",
					"Cases secrètes");
			row = 1;
			for (PartnerReturn.PublishedLine line : result.published()) {
				published.inlineString(row, 0, line.indicatorId());
				published.inlineString(row, 1, line.label());
				published.value(row, 2, line.cellsPublished());
				published.value(row, 3, line.cellsSecret());
				row++;
			}
			workbook.finish();
		}
	}

	private static Worksheet sheet(Workbook workbook, String name, String... header) {
		Worksheet sheet = workbook.newWorksheet(name);
		for (int i = 0; i < header.length; i++) {
			sheet.inlineString(0, i, header[i]);
		}
		sheet.range(0, 0, 0, header.length - 1).style().bold().set();
		sheet.freezePane(0, 1);
		return sheet;
	}

}
