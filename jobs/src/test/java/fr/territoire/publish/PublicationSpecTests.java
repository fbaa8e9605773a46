package fr.territoire.publish;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A published table selects rows of one public table: one file per level through a column
 * = 'value' condition, and nothing that could read outside the public layer.
 */
class PublicationSpecTests {

	@Test
	void aFileOfOneLevelSelectsItsRowsOfThePublicTable() {
		var table = new PublicationSpec.PublishedTable("indicator_values_epci", "public.indicator_value", null,
				"indicator_id", "level = 'epci'");
		assertThat(table.rows()).isEqualTo("SELECT * FROM public.indicator_value WHERE level = 'epci'");
		assertThat(new PublicationSpec.PublishedTable("territories", "public.territory", null, "code").rows())
			.isEqualTo("SELECT * FROM public.territory");
	}

	@Test
	void refusesAConditionThatCouldReadOutsideThePublicTable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PublicationSpec.PublishedTable("x", "public.establishment", null, "siret",
					"siret in (select siret from core.establishment)"))
			.withMessageContaining("column = 'value' conditions joined by AND");
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicationSpec.PublishedTable("x",
				"public.indicator_value", null, "level", "level = 'epci' or true"));
	}

	@Test
	void gzipsTheCsvOfTablesAboveAMillionRowsUnlessToldOtherwiseAndRefusesANegativeThreshold() {
		var tables = java.util.List
			.of(new PublicationSpec.PublishedTable("territories", "public.territory", null, "code"));
		assertThat(new PublicationSpec("t", "d", "l", "a", tables).csvGzipAboveRows()).isEqualTo(1_000_000L);
		assertThat(new PublicationSpec("t", "d", "l", "a", null, null, null, null, null, null, null, tables, 0L)
			.csvGzipAboveRows()).isZero();
		assertThatIllegalArgumentException().isThrownBy(
				() -> new PublicationSpec("t", "d", "l", "a", null, null, null, null, null, null, null, tables, -1L))
			.withMessage("csv_gzip_above_rows is -1; it must be 0 (every CSV gzipped) or more");
	}

	@Test
	void acceptsSeveralConditionsJoinedByAnd() {
		var table = new PublicationSpec.PublishedTable("x", "public.indicator_value", null, "level",
				"level = 'commune' AND dimension = 'none'");
		assertThat(table.rows()).endsWith("WHERE level = 'commune' AND dimension = 'none'");
	}

}
