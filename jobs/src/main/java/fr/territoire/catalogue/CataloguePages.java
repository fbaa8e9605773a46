package fr.territoire.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the catalogue into a release folder: {@code index.html},
 * {@code datasets/<name>.html}, {@code changes.json} and {@code assets/echarts.min.js}
 * (from the ECharts webjar), each written aside and renamed into place, so that running
 * it again replaces them.
 */
final class CataloguePages {

	static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final JsonMapper COMPACT = JsonMapper.builder().build();

	private final TemplateEngine engine;

	CataloguePages() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(CataloguePages.class.getClassLoader());
		resolver.setPrefix("catalogue/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(false);
		this.engine = new TemplateEngine();
		this.engine.setTemplateResolver(resolver);
	}

	/**
	 * Writes the pages, with the alerts page ({@code alerts.html}) when the release has
	 * alerts and the network page ({@code reseau.html}) when it has partners, and the
	 * profile page when profiles were written.
	 */
	void write(CataloguePage page, Map<String, CatalogueContent.Preview> previews,
			@Nullable List<CatalogueContent.Alert> alerts, List<NetworkPartners.Partner> partners, boolean profiles)
			throws IOException {
		Path folder = page.release().folder();
		copyEcharts(folder.resolve("assets/echarts.min.js"));
		for (CataloguePage.DatasetView dataset : page.datasets()) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("page", page);
			variables.put("dataset", dataset);
			variables.put("preview", previews.get(dataset.name()));
			write(folder.resolve("datasets").resolve(dataset.name() + ".html"), render("dataset", variables));
		}
		write(folder.resolve("changes.json"), JSON.writeValueAsString(page.changes()) + "\n");
		if (alerts != null) {
			Map<String, Object> alertVariables = new HashMap<>();
			alertVariables.put("page", page);
			alertVariables.put("alerts", alerts);
			write(folder.resolve("alerts.html"), render("alerts", alertVariables));
		}
		if (!partners.isEmpty()) {
			Map<String, Object> network = new HashMap<>();
			network.put("page", page);
			network.put("partners", partners);
			write(folder.resolve("reseau.html"), render("network", network));
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("hasAlerts", alerts != null);
		variables.put("page", page);
		variables.put("partners", partners);
		variables.put("profiles", profiles);
		if (profiles) {
			Map<String, Object> release = new HashMap<>();
			release.put("release", page.release());
			write(folder.resolve("profile.html"), render("profile", release));
		}
		variables.put("chartData", scriptSafe(COMPACT.writeValueAsString(CatalogueContent.chartData(page.charts()))));
		write(folder.resolve("index.html"), render("index", variables));
	}

	String render(String template, Map<String, @Nullable Object> variables) {
		Context context = new Context(java.util.Locale.FRANCE);
		context.setVariables(variables);
		return this.engine.process(template, context);
	}

	/**
	 * JSON inside a script element: no {@code </script>} or comment opener can end it.
	 */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private static void copyEcharts(Path target) throws IOException {
		try (InputStream in = CataloguePages.class.getClassLoader().getResourceAsStream(ECHARTS)) {
			if (in == null) {
				throw new TerritoireException(ErrorCode.INTERNAL,
						ECHARTS + " is not on the class path (the ECharts webjar is a dependency of the jar)");
			}
			Files.createDirectories(target.getParent());
			Path aside = target.resolveSibling("." + target.getFileName() + ".new");
			Files.copy(in, aside, StandardCopyOption.REPLACE_EXISTING);
			Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void write(Path target, String text) throws IOException {
		Files.createDirectories(target.getParent());
		Path aside = target.resolveSibling("." + target.getFileName() + ".new");
		Files.writeString(aside, text);
		Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

}
