package fr.territoire.indicator;

import java.io.IOException;
import java.util.List;

import fr.territoire.support.IndicatorValueRow;
import fr.territoire.support.StockFigures;
import fr.territoire.support.StockFigures.Counts;
import fr.territoire.support.StockFigures.Territory;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sector structure of issue 12 at the stock date, on the bundled samples: counts,
 * shares and location quotients (against the rest of France) of NAF rév. 2 sections and
 * divisions among active establishments, for two communes of the Entzheim area and their
 * EPCI, against figures computed again from the sample files by {@link StockFigures}.
 */
class SectorStructureIntegrationTests {

	static final List<String> COMMUNES = IndicatorSeriesIntegrationTests.COMMUNES;

	/**
	 * Trade (G, the largest of the samples but one) and construction (F, the largest).
	 */
	static final List<String> SECTIONS = List.of("G", "F");

	/** Specialised construction work, most of section F. */
	static final String DIVISION = "43";

	static StockFigures stock;

	static String epci;

	static Counts establishments;

	@BeforeAll
	static void readTheSamples() throws IOException {
		stock = StockFigures.samples();
		epci = stock.epciOf(COMMUNES.get(0));
		establishments = stock.count(StockFigures.openInNafRev2());
	}

	@Test
	void countsAndSharesSectionsWithTheirLocationQuotient() throws Exception {
		try (Warehouse warehouse = SampleNightly.warehouse()) {
			for (String section : SECTIONS) {
				assertStructure(warehouse, "section", section, stock.count(StockFigures.openInSection(section)));
			}
		}
	}

	@Test
	void countsAndSharesADivisionWithItsLocationQuotient() throws Exception {
		try (Warehouse warehouse = SampleNightly.warehouse()) {
			assertStructure(warehouse, "division", DIVISION, stock.count(StockFigures.openInDivision(DIVISION)));
		}
	}

	@Test
	void sharesOfTheSectionsOfACommuneAddUpToItsActiveEstablishments() throws Exception {
		String commune = COMMUNES.get(0);
		try (Warehouse warehouse = SampleNightly.warehouse()) {
			long counted = warehouse.count("""
					SELECT sum(numerator) FROM mart.indicator_value
					WHERE indicator_id = 'establishments_by_naf_section' AND level = 'commune'
					  AND territory_code = '%s' AND period = %d AND dimension = 'naf_section'""".formatted(commune,
					stock.stockYear()));
			assertThat(counted).isEqualTo(establishments.of(Territory.commune(commune)));
		}
	}

	private static void assertStructure(Warehouse warehouse, String level, String code, Counts inSector)
			throws Exception {
		String dimension = "naf_" + level;
		int year = stock.stockYear();
		long france = establishments.of(Territory.FRANCE);
		long franceInSector = inSector.of(Territory.FRANCE);
		assertThat(franceInSector).as("France in " + code).isPositive();
		for (String commune : COMMUNES) {
			Territory territory = Territory.commune(commune);
			Territory itsEpci = Territory.epci(epci);
			assertThat(inSector.of(territory)).as(commune + " in " + code).isPositive();
			IndicatorValueRow count = IndicatorValueRow
				.get(warehouse, "establishments_by_" + dimension, territory, year, dimension, code)
				.isCount(inSector.of(territory));
			IndicatorValueRow share = IndicatorValueRow
				.get(warehouse, dimension + "_share", territory, year, dimension, code)
				.isRatio(inSector.of(territory), establishments.of(territory), 100, 2);
			IndicatorValueRow quotient = IndicatorValueRow
				.get(warehouse, dimension + "_location_quotient", territory, year, dimension, code)
				.hasValue(StockFigures.locationQuotient(inSector.of(territory), establishments.of(territory),
						franceInSector, france), 4);
			count.comparedWith("epci", inSector.of(itsEpci), 0).comparedWith("france", franceInSector, 0);
			share.comparedWith("epci", StockFigures.percent(inSector.of(itsEpci), establishments.of(itsEpci)), 2)
				.comparedWith("france", StockFigures.percent(franceInSector, france), 2);
			// France against the rest of France has no quotient: only the EPCI's is
			// compared
			quotient.comparedWith("epci", StockFigures.locationQuotient(inSector.of(itsEpci),
					establishments.of(itsEpci), franceInSector, france), 4);
		}
		Territory itsEpci = Territory.epci(epci);
		IndicatorValueRow.get(warehouse, "establishments_by_" + dimension, itsEpci, year, dimension, code)
			.isCount(inSector.of(itsEpci));
		IndicatorValueRow.get(warehouse, dimension + "_share", itsEpci, year, dimension, code)
			.isRatio(inSector.of(itsEpci), establishments.of(itsEpci), 100, 2);
		IndicatorValueRow.get(warehouse, dimension + "_location_quotient", itsEpci, year, dimension, code)
			.hasValue(StockFigures.locationQuotient(inSector.of(itsEpci), establishments.of(itsEpci), franceInSector,
					france), 4);
		IndicatorValueRow.get(warehouse, "establishments_by_" + dimension, Territory.FRANCE, year, dimension, code)
			.isCount(franceInSector);
		IndicatorValueRow.get(warehouse, dimension + "_share", Territory.FRANCE, year, dimension, code)
			.isRatio(franceInSector, france, 100, 2);
	}

}
