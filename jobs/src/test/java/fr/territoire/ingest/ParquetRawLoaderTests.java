package fr.territoire.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Column;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Parquet inputs: columns bound by name whatever their order, typed values kept as their
 * text, lineage from the row's position; a missing column and a file that is not Parquet
 * are clear errors.
 */
class ParquetRawLoaderTests {

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
	void bindsColumnsByNameAndKeepsValuesAsText() throws Exception {
		Path file = this.folder.resolve("stock.parquet");
		Sql.execute(this.connection, "write",
				"COPY (SELECT * FROM (VALUES (DATE '2024-03-01', '00032517500016', 12, 2.5::DOUBLE),"
						+ " (NULL, '35600000049837', NULL, 0.125::DOUBLE)) t(dateCreation, siret, effectif, ratio)) TO "
						+ Sql.literal(file.toString()) + " (FORMAT parquet)");
		Mapping mapping = mapping("ratio", "siret", "dateCreation", "effectif");
		long rows = RawLoader.forFormat(Mapping.Format.PARQUET).load(this.connection, mapping, input(file));
		assertThat(rows).isEqualTo(2);
		assertThat(Sql.queryRows(this.connection, "SELECT * FROM raw.stock ORDER BY _record")).containsExactly(
				Arrays.asList("stock.parquet", "1", "2.5", "00032517500016", "2024-03-01", "12"),
				Arrays.asList("stock.parquet", "2", "0.125", "35600000049837", null, null));
	}

	@Test
	void refusesAFileLackingADeclaredColumn() throws Exception {
		Path file = this.folder.resolve("stock.parquet");
		Sql.execute(this.connection, "write",
				"COPY (SELECT '1' AS siret) TO " + Sql.literal(file.toString()) + " (FORMAT parquet)");
		TerritoireException error = catchThrowableOfType(TerritoireException.class,
				() -> RawLoader.forFormat(Mapping.Format.PARQUET)
					.load(this.connection, mapping("siret", "nic"), input(file)));
		assertThat(error.code()).isEqualTo(ErrorCode.MISSING_COLUMN);
		assertThat(error.getMessage()).contains("stock.parquet").contains("'nic'").contains("columns found: siret");
	}

	@Test
	void refusesAFileThatIsNotParquet() throws Exception {
		Path file = this.folder.resolve("stock.parquet");
		Files.writeString(file, "siret\n00032517500016\n");
		TerritoireException error = catchThrowableOfType(TerritoireException.class,
				() -> RawLoader.forFormat(Mapping.Format.PARQUET).load(this.connection, mapping("siret"), input(file)));
		assertThat(error.code()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
		assertThat(error.getMessage()).contains("stock.parquet").contains("not a readable Parquet file");
	}

	private Mapping mapping(String... columns) {
		Mapping mapping = new Mapping("stock", "a stock", List.of("*.parquet"), Mapping.Format.PARQUET, null, null,
				null, null, null, null, null, null, null, Arrays.stream(columns).map(Column::named).toList(), null,
				null, null, null, null, null);
		RawTable.create(this.connection, mapping);
		return mapping;
	}

	private InputFile input(Path file) throws Exception {
		return new InputFile("stock", file, file.getFileName().toString(), Files.size(file), "not hashed");
	}

}
