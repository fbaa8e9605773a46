package fr.territoire.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figures of the small test inbox ({@link SmallInbox}) computed straight from its files,
 * independently of the pipeline: commons-csv for the register, POI's in-memory workbook
 * model (not the SAX reader the pipeline uses, nor the StAX reader that built the inbox)
 * for the populations, Jackson for the COG.
 *
 * @param establishments records of the register's establishment stocks (both files)
 * @param activeInGeography open establishments (etatAdministratifEtablissement = A) whose
 * commune is one of the inbox's current communes: the national extract's, in other
 * départements, are outside its geography
 * @param communeRows rows of the populations workbook's Communes sheet
 * @param populationMunicipale their population municipale, summed
 */
public record SmallInboxFigures(long establishments, long activeInGeography, long communeRows,
		long populationMunicipale) {

	private static SmallInboxFigures figures;

	/** The figures, computed once per JVM. */
	public static synchronized SmallInboxFigures load() throws IOException {
		if (figures == null) {
			figures = compute(SmallInbox.folder());
		}
		return figures;
	}

	private static SmallInboxFigures compute(Path inbox) throws IOException {
		Set<String> communes = new HashSet<>();
		try (InputStream in = new GZIPInputStream(Files.newInputStream(inbox.resolve("cog-2026/communes.json.gz")))) {
			for (JsonNode commune : JsonMapper.builder().build().readTree(in)) {
				if ("commune-actuelle".equals(commune.get("type").asString())) {
					communes.add(commune.get("code").asString());
				}
			}
		}
		long establishments = 0;
		long active = 0;
		for (String file : SampleExpectations.SIRENE_FILES) {
			try (Reader reader = Files.newBufferedReader(inbox.resolve(file), StandardCharsets.UTF_8)) {
				for (CSVRecord row : CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
					establishments++;
					if ("A".equals(row.get("etatAdministratifEtablissement"))
							&& communes.contains(row.get("codeCommuneEtablissement"))) {
						active++;
					}
				}
			}
		}
		long rows = 0;
		long population = 0;
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files
			.newInputStream(inbox.resolve("populations/ensemble_2025_populations_reference_2022.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			boolean below = false;
			for (Row row : workbook.getSheet("Communes")) {
				String first = (row.getCell(0) == null) ? "" : formatter.formatCellValue(row.getCell(0));
				if (below && !first.isBlank()) {
					rows++;
					population += (long) row.getCell(7).getNumericCellValue();
				}
				below |= first.equals("Code région");
			}
		}
		return new SmallInboxFigures(establishments, active, rows, population);
	}

}
