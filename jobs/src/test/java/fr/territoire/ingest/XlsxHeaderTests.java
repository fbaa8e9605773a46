package fr.territoire.ingest;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;

import fr.territoire.mapping.Column;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbook headers as INSEE writes them (line breaks, leading, trailing and doubled
 * spaces inside the cells, as in the grille communale de densité) are matched to the
 * mapping's names with their whitespace collapsed, on both sides.
 */
class XlsxHeaderTests {

	@TempDir
	Path folder;

	private DuckDBConnection connection;

	@BeforeEach
	void openWarehouse() throws Exception {
		this.connection = (DuckDBConnection) DriverManager
			.getConnection("jdbc:duckdb:" + this.folder.resolve("w.duckdb"));
		Sql.execute(this.connection, "schema", "SET threads = 2; CREATE SCHEMA raw");
	}

	@AfterEach
	void close() throws Exception {
		this.connection.close();
	}

	@Test
	void matchesHeaderCellsWithLineBreaksAndSpacesCollapsed() throws Exception {
		Path file = this.folder.resolve("grille.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("grille_4_nivDetaille");
			row(sheet, 0, "Grille communale de densité");
			row(sheet, 1, "\nCode \nCommune\n", "Typo degré de \nDensité\n", "Part\n population \nDense\n (1)");
			row(sheet, 2, "01001", "3", "0");
			row(sheet, 3, "01004", "2", "0.25");
			workbook.write(out);
		}
		// the mapping's names written with stray spaces too: both sides are collapsed
		Mapping mapping = new Mapping("grille", "a grid", List.of("*.xlsx"), Mapping.Format.XLSX, null, null, null,
				null, null, "grille_4_nivDetaille", null,
				new Mapping.Header(null, List.of("Code Commune", " Typo degré  de Densité")), null,
				List.of(Column.named("Code Commune"), Column.named("Typo degré de Densité"),
						Column.named("Part population Dense  (1) ")),
				null, null, null, null, null, null);
		RawTable.create(this.connection, mapping);
		long rows = RawLoader.forFormat(Mapping.Format.XLSX)
			.load(this.connection, mapping,
					new InputFile("grille", file, file.getFileName().toString(), Files.size(file), "not hashed"));
		assertThat(rows).isEqualTo(2);
		assertThat(Sql.queryRows(this.connection, "SELECT * FROM raw.grille ORDER BY _record")).containsExactly(
				Arrays.asList("grille.xlsx", "3", "01001", "3", "0"),
				Arrays.asList("grille.xlsx", "4", "01004", "2", "0.25"));
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
