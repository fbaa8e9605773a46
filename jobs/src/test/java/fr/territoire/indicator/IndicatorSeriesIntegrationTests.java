package fr.territoire.indicator;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import fr.territoire.support.IndicatorValueRow;
import fr.territoire.support.RegisterFileFigures;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.StockFigures;
import fr.territoire.support.StockFigures.Counts;
import fr.territoire.support.StockFigures.Territory;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly series of issue 12 on the bundled samples (establishments active on 1
 * January, creations and the creation rate, the employer share), for two communes of the
 * Entzheim area, their EPCI and France, against figures computed again from the sample
 * files by {@link StockFigures} (commons-csv and Jackson, plain Java arithmetic).
 */
class IndicatorSeriesIntegrationTests {

	/** Entzheim and Holtzheim, both of the Eurométropole de Strasbourg. */
	static final List<String> COMMUNES = List.of("67124", "67212");

	static final List<String> COMPARED_LEVELS = List.of("epci", "departement", "region", "france");

	static StockFigures stock;

	static String epci;

	@BeforeAll
	static void readTheSamples() throws IOException {
		for (String file : SampleExpectations.SIRENE_FILES) {
			// every row is staged, so every row is read by the indicators
			assertThat(RegisterFileFigures.establishments(SampleExpectations.SAMPLES.resolve(file)).rejected()).as(file)
				.isZero();
		}
		stock = StockFigures.samples();
		epci = stock.epciOf(COMMUNES.get(0));
		assertThat(COMMUNES).allSatisfy((commune) -> assertThat(stock.epciOf(commune)).isEqualTo(epci));
		assertThat(COMMUNES).extracting(stock::nameOf).containsExactly("Entzheim", "Holtzheim");
	}

	@Test
	void countsEstablishmentsActiveOnFirstJanuaryOfSeveralYears() throws Exception {
		try (Warehouse warehouse = SampleNightly.warehouse()) {
			for (int year : List.of(2012, 2016, 2020, stock.stockYear())) {
				Counts active = stock.count(StockFigures.activeOnFirstJanuary(year));
				for (String commune : COMMUNES) {
					IndicatorValueRow row = IndicatorValueRow
						.get(warehouse, "active_establishments_1jan", Territory.commune(commune), year)
						.isCount(active.of(Territory.commune(commune)));
					for (String level : COMPARED_LEVELS) {
						row.comparedWith(level, active.of(stock.of(level, commune)), 0);
					}
				}
				IndicatorValueRow.get(warehouse, "active_establishments_1jan", Territory.epci(epci), year)
					.isCount(active.of(Territory.epci(epci)));
				IndicatorValueRow.get(warehouse, "active_establishments_1jan", Territory.FRANCE, year)
					.isCount(active.of(Territory.FRANCE));
			}
		}
	}

	@Test
	void coversEveryYearFrom2010ToTheYearOfTheStock() throws Exception {
		try (Warehouse warehouse = SampleNightly.warehouse()) {
			List<List<String>> periods = warehouse.rows("""
					SELECT min(period), max(period), count(DISTINCT period) FROM mart.indicator_value
					WHERE indicator_id = 'active_establishments_1jan' AND level = 'france'""");
			assertThat(periods).containsExactly(
					List.of("2010", String.valueOf(stock.stockYear()), String.valueOf(stock.stockYear() - 2010 + 1)));
		}
	}

	@Test
	void countsCreationsOf2019AndTheirRate() throws Exception {
		int year = 2019;
		Counts creations = stock.count(StockFigures.createdIn(year));
		Counts active = stock.count(StockFigures.activeOnFirstJanuary(year));
		try (Warehouse warehouse = SampleNightly.warehouse()) {
			for (String commune : COMMUNES) {
				IndicatorValueRow count = IndicatorValueRow
					.get(warehouse, "creations", Territory.commune(commune), year)
					.isCount(creations.of(Territory.commune(commune)));
				IndicatorValueRow rate = IndicatorValueRow
					.get(warehouse, "creation_rate", Territory.commune(commune), year)
					.isRatio(creations.of(Territory.commune(commune)), active.of(Territory.commune(commune)), 100, 2);
				for (String level : COMPARED_LEVELS) {
					Territory territory = stock.of(level, commune);
					count.comparedWith(level, creations.of(territory), 0);
					rate.comparedWith(level, StockFigures.percent(creations.of(territory), active.of(territory)), 2);
				}
			}
			for (Territory territory : List.of(Territory.epci(epci), Territory.FRANCE)) {
				IndicatorValueRow.get(warehouse, "creations", territory, year).isCount(creations.of(territory));
				IndicatorValueRow.get(warehouse, "creation_rate", territory, year)
					.isRatio(creations.of(territory), active.of(territory), 100, 2);
			}
		}
	}

	@Test
	void sharesEmployerEstablishmentsAmongActiveOnesAtTheStockDate() throws Exception {
		int year = stock.stockYear();
		Counts employers = stock.count(StockFigures.openEmployer());
		Counts active = stock.count(StockFigures.open());
		try (Warehouse warehouse = SampleNightly.warehouse()) {
			for (String commune : COMMUNES) {
				IndicatorValueRow row = IndicatorValueRow
					.get(warehouse, "employer_share", Territory.commune(commune), year)
					.isRatio(employers.of(Territory.commune(commune)), active.of(Territory.commune(commune)), 100, 2);
				for (String level : COMPARED_LEVELS) {
					Territory territory = stock.of(level, commune);
					row.comparedWith(level, StockFigures.percent(employers.of(territory), active.of(territory)), 2);
				}
			}
			for (Territory territory : List.of(Territory.epci(epci), Territory.FRANCE)) {
				IndicatorValueRow.get(warehouse, "employer_share", territory, year)
					.isRatio(employers.of(territory), active.of(territory), 100, 2);
			}
		}
	}

}
