package fr.territoire.geography;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.SqlModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passage model ({@code warehouse/models/geography/commune_passage.sql}) on a small
 * hand-made geography: change events in date order with chains and a split by population,
 * and records of a later vintage when no events reach it.
 */
class CommunePassageTests {

	static final Path PROJECT = Path.of(System.getProperty("territoire.project-dir", ".."))
		.toAbsolutePath()
		.normalize();

	@Test
	void followsEventsInDateOrderAndDividesSplitsByPopulation() throws Exception {
		try (Connection connection = givenGeography()) {
			assertThat(passage(connection, "2020", "2023")).containsExactly(
					"01001>01001 1.0 events whole change events", "01002>01001 1.0 events whole change events",
					"01003>01005 1.0 events whole change events",
					"01004>01004 0.75 events split_by_population change events",
					"01004>01006 0.25 events split_by_population change events",
					// codes of the later vintage that a source may already use
					"01005>01005 1.0 identity whole records of the later vintage",
					"01006>01006 1.0 identity whole records of the later vintage");
		}
	}

	@Test
	void usesTheRecordsOfTheLaterVintageWhenNoEventsReachIt() throws Exception {
		try (Connection connection = givenGeography()) {
			assertThat(passage(connection, "2020", "2024")).contains(
					"01002>01001 1.0 former_code whole records of the later vintage",
					"01003>01005 1.0 former_code>former_code whole records of the later vintage",
					"01006>01006 1.0 identity whole records of the later vintage");
		}
	}

	@Test
	void dividesASplitCommunesPopulationKeepingTheTotalExact() throws Exception {
		try (Connection connection = givenGeography(); Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE staging.stg_insee__population_commune AS
					SELECT 'populations.xlsx' AS _file, row_number() OVER () AS _record, 2020 AS period, commune_code,
					       population_municipale, population_municipale + 1 AS population_totale
					FROM (VALUES ('01001', 10), ('01002', 5), ('01003', 7), ('01004', 1001)) t(commune_code,
					     population_municipale);
					CREATE TABLE geography.source_vintage AS
					SELECT 'insee_population_commune' AS source, '2020' AS vintage_used, '2023' AS target_vintage;
					""");
			statement.execute("CREATE TABLE geography.population_commune AS " + model("population_commune").sql());
			List<String> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery("SELECT commune_code || '=' || population_municipale "
					+ "|| '/' || population_totale FROM geography.population_commune ORDER BY commune_code")) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			// 01004 (1001 inhabitants) split 3:1 by the 2023 populations of 01004 and
			// 01006
			assertThat(rows).containsExactly("01001=15/17", "01004=751/752", "01005=7/8", "01006=250/250");
		}
	}

	private static SqlModel model(String name) {
		return ModelCatalog.load(PROJECT)
			.layer(SqlModel.Layer.GEOGRAPHY)
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static Connection givenGeography() throws Exception {
		Connection connection = DriverManager.getConnection("jdbc:duckdb:");
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE SCHEMA staging; CREATE SCHEMA geography;
					CREATE TABLE geography.cog_commune (vintage VARCHAR, code VARCHAR, type VARCHAR, nom VARCHAR,
					    departement VARCHAR, region VARCHAR, parent_code VARCHAR, population BIGINT, layout VARCHAR);
					INSERT INTO geography.cog_commune
					SELECT '2020', code, 'commune-actuelle', code, '01', '84', NULL, 100, 'json'
					FROM unnest(['01001', '01002', '01003', '01004']) t(code);
					INSERT INTO geography.cog_commune
					SELECT v, code, 'commune-actuelle', code, '01', '84', NULL, population, 'json'
					FROM (VALUES ('01001', 500), ('01005', 200), ('01004', 300), ('01006', 100)) t(code, population),
					     unnest(['2023', '2024']) v(v);
					INSERT INTO geography.cog_commune VALUES
					    ('2024', '01002', 'ancien-code', NULL, '01', '84', '01001', NULL, 'json'),
					    ('2024', '01003', 'ancien-code', NULL, '01', '84', '01007', NULL, 'json'),
					    ('2024', '01007', 'ancien-code', NULL, '01', '84', '01005', NULL, 'json');
					CREATE TABLE geography.vintage AS SELECT unnest(['2020', '2023', '2024']) AS vintage;
					CREATE TABLE staging.stg_cog__event (vintage VARCHAR, event_type VARCHAR, effective_date DATE,
					    type_before VARCHAR, code_before VARCHAR, name_before VARCHAR, type_after VARCHAR,
					    code_after VARCHAR, name_after VARCHAR);
					INSERT INTO staging.stg_cog__event VALUES
					    ('2023', '31', DATE '1990-01-01', 'COM', '01001', 'A', 'COM', '01009', 'ignored, before 2020'),
					    ('2023', '32', DATE '2021-01-01', 'COM', '01002', 'B', 'COM', '01001', 'A'),
					    ('2023', '32', DATE '2021-01-01', 'COM', '01001', 'A', 'COM', '01001', 'A'),
					    ('2023', '32', DATE '2021-01-01', 'COM', '01002', 'B', 'COMD', '01002', 'B'),
					    ('2023', '41', DATE '2021-01-01', 'COM', '01003', 'C', 'COM', '01007', 'C'),
					    ('2023', '50', DATE '2022-01-01', 'COM', '01007', 'C', 'COM', '01005', 'C'),
					    ('2023', '21', DATE '2022-01-01', 'COM', '01004', 'D', 'COM', '01004', 'D'),
					    ('2023', '21', DATE '2022-01-01', 'COM', '01004', 'D', 'COM', '01006', 'E');
					""");
			statement.execute("CREATE TABLE geography.commune_passage AS " + model("commune_passage").sql());
		}
		return connection;
	}

	private static List<String> passage(Connection connection, String from, String to) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT code_from || '>' || code_to, round(weight, 4), "
						+ "method, division, built_from FROM geography.commune_passage WHERE vintage_from = '" + from
						+ "' AND vintage_to = '" + to + "' ORDER BY code_from, code_to")) {
			while (result.next()) {
				rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
						+ result.getString(4) + " " + result.getString(5));
			}
		}
		return rows;
	}

}
