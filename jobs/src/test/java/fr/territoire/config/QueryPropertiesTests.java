package fr.territoire.config;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code territoire.query.*}: bounds and layers of ad-hoc SQL, bound and validated like
 * the rest of the configuration.
 */
class QueryPropertiesTests {

	@Test
	void defaultsBoundAQueryAndOpenOnlyThePublishedLayers() {
		TerritoireProperties properties = bind(Map.of());
		assertThat(properties.query()).isEqualTo(TerritoireProperties.Query.defaults());
		assertThat(properties.query().timeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.query().allSchemas()).isFalse();
	}

	@Test
	void bindsEverySetting() {
		TerritoireProperties properties = bind(Map.of("territoire.query.timeout", "5s", "territoire.query.memory-limit",
				"512MB", "territoire.query.threads", "1", "territoire.query.max-spill", "2GB",
				"territoire.query.all-schemas", "true"));
		assertThat(properties.query())
			.isEqualTo(new TerritoireProperties.Query(Duration.ofSeconds(5), "512MB", 1, "2GB", true));
	}

	@Test
	void refusesASpillLimitThatIsNotASize() {
		TerritoireProperties properties = bind(Map.of("territoire.query.max-spill", "lots"));
		try (var factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			assertThat(validator.validate(properties))
				.extracting((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
				.containsExactly("query.maxSpill must be a size such as 512MB or 2GB");
		}
	}

	@Test
	void refusesATimeoutBelowOneSecond() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> TerritoireProperties.Query.defaults().withTimeout(Duration.ZERO))
			.withMessageContaining("territoire.query.timeout must be at least 1s");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> TerritoireProperties.Query.defaults().withTimeout(Duration.ofMillis(1500)))
			.withMessageContaining("whole number of seconds");
	}

	private static TerritoireProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("territoire",
				TerritoireProperties.class);
	}

}
