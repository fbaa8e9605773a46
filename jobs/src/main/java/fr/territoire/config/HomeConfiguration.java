package fr.territoire.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the resolved home folders.
 */
@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

	@Bean
	TerritoireHome territoireHome(TerritoireProperties properties) {
		return properties.resolveHome();
	}

}
