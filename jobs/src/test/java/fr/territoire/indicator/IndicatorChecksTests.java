package fr.territoire.indicator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code territoire check} names the file and the line of what an indicator gets wrong: a
 * dimension or level nobody declares, a formula over a dimension the indicator lacks, and
 * a measure offered by two measure models.
 */
class IndicatorChecksTests {

	private static final String INDICATOR = """
			id: sector_count
			label: Établissements par section
			description: test
			unit: établissements
			formula: %s
			numerator: establishments_naf_section
			dimension: %s
			levels: [commune, canton]
			""";

	@Test
	void pointsAtTheLineOfAnUnknownDimensionAndLevel(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("warehouse/indicators/sector_count.yaml"),
				INDICATOR.formatted("ratio", "naf_groupe"));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors())
			.extracting(Problem::file, Problem::line, Problem::message)
			.containsExactly(tuple("warehouse/indicators/sector_count.yaml", 7, "unknown dimension 'naf_groupe'"),
					tuple("warehouse/indicators/sector_count.yaml", 8, "unknown level 'canton'"));
	}

	@Test
	void refusesADimensionOtherThanTheNumeratorsAndAQuotientWithoutDimension(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("warehouse/indicators/sector_count.yaml"),
				INDICATOR.formatted("location_quotient", "none").replace(", canton", ""));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors()).extracting(Problem::line, Problem::message)
			.containsExactly(tuple(7,
					"dimension 'none' differs from that of measure 'establishments_naf_section' (naf_section)"),
					tuple(5, "formula location_quotient is computed over a dimension"));
	}

	@Test
	void refusesAMeasureOfferedByTwoModels(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Path yaml = project.resolve("warehouse/models/marts/measure_register_cohort.yaml");
		Files.writeString(yaml,
				Files.readString(yaml)
					.replace("columns: [cohort_establishments, cohort_survivors_3y]",
							"columns: [creations, cohort_survivors_3y]")
					.replace("  - name: cohort_establishments", "  - name: creations"));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors()).extracting(Problem::file, Problem::message)
			.contains(tuple("warehouse/models/marts/measure_register_year.yaml",
					"measure 'creations' is also offered by mart.measure_register_cohort"));
	}

}
