package fr.territoire.partner;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.support.SampleExpectations;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return file as a partner opens it: a CSV French spreadsheets read (byte-order mark,
 * semicolons, values with a semicolon quoted) and a workbook with one sheet per part;
 * reasons in French from the mapping's declaration of the column.
 */
class PartnerReturnWriterTests {

	static final Mapping MEMBERS = MappingCatalog.load(SampleExpectations.PROJECT)
		.mappings()
		.stream()
		.filter((mapping) -> mapping.source().equals("partner_members"))
		.findFirst()
		.orElseThrow();

	@Test
	void writesACsvFrenchSpreadsheetsOpenAndTheSameRowsInTheWorkbook(@TempDir Path folder) throws IOException {
		PartnerReturn result = new PartnerReturn("p", "Réseau; test", "2026-11-25-3", "2026-11-25",
				"terminée, publication faite",
				List.of(new PartnerReturn.FileLine("partner_members", "partners/p/membres.xlsx", 10, 8, 2)),
				List.of(new PartnerReturn.RejectLine("partner_members", "partners/p/membres.xlsx", "Adhérents", 7,
						"Code commune", "C", "67;AB", "« Code commune » doit être un code commune", "commune_code"),
						new PartnerReturn.RejectLine("partner_members", "partners/p/membres.xlsx", "Adhérents", 9,
								"SIRET", "A", "\"1\"", "doublon", "duplicate_key")),
				List.of(new PartnerReturn.PublishedLine("partner_turnover", "Chiffre d'affaires", 5, 13)));
		List<Path> files = PartnerReturnWriter.write(result, folder);
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("2026-11-25-3.csv", "2026-11-25-3.xlsx");
		byte[] bytes = Files.readAllBytes(files.get(0));
		assertThat(List.of(bytes[0], bytes[1], bytes[2])).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		List<CSVRecord> lines;
		try (Reader reader = Files.newBufferedReader(files.get(0), StandardCharsets.UTF_8)) {
			reader.skip(1);
			lines = CSVFormat.DEFAULT.builder()
				.setDelimiter(';')
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)
				.getRecords();
		}
		assertThat(lines).extracting((line) -> line.get("rubrique"))
			.containsExactly("execution", "fichier", "rejet", "rejet", "publication");
		assertThat(lines.get(0).get("motif")).startsWith("Réseau; test — exécution 2026-11-25-3 du 2026-11-25");
		assertThat(lines.get(2).get("valeur")).isEqualTo("67;AB");
		assertThat(lines.get(2).get("cellule")).isEqualTo("C7");
		assertThat(lines.get(3).get("valeur")).isEqualTo("\"1\"");
		assertThat(lines.get(1).get("lignes_rejetees")).isEqualTo("2");
		assertThat(lines.get(4).get("cases_secretes")).isEqualTo("13");
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files.newInputStream(files.get(1)); Workbook workbook = new XSSFWorkbook(in)) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactly("Résumé", "Fichiers", "Rejets", "Publication");
			var rejects = workbook.getSheet("Rejets");
			assertThat(rejects.getLastRowNum()).isEqualTo(2);
			assertThat(formatter.formatCellValue(rejects.getRow(1).getCell(4))).isEqualTo("C7");
			assertThat(formatter.formatCellValue(rejects.getRow(1).getCell(5))).isEqualTo("67;AB");
			assertThat(rejects.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(9.0);
		}
	}

	@Test
	void explainsEachRuleInFrenchFromTheMapping() {
		assertThat(RejectReason.of(MEMBERS, "allowed", "Tranche d'effectif", "must be one of"))
			.startsWith("« Tranche d'effectif » doit valoir l'une de ces valeurs : 00, 01, 02, 03, 11,");
		assertThat(RejectReason.of(MEMBERS, "min", "Cotisation (€)", "must be at least 0"))
			.isEqualTo("« Cotisation (€) » doit valoir au moins 0");
		assertThat(RejectReason.of(MEMBERS, "date", "Date d'adhésion", "must be a date"))
			.isEqualTo("« Date d'adhésion » doit être une date (date Excel, jj/mm/aaaa, aaaa-mm-jj)");
		assertThat(RejectReason.of(MEMBERS, "duplicate_key", "siret", "a valid row with the same siret came before"))
			.startsWith("doublon : une ligne valide avec le même « SIRET » figure plus haut");
		assertThat(RejectReason.header(MEMBERS, "siret")).isEqualTo("SIRET");
		assertThat(RejectReason.of(MEMBERS, "some_new_rule", "SIRET", "the message")).isEqualTo("the message");
	}

}
