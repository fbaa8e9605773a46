package fr.territoire.architecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of the application, read from its compiled classes: no cycle, and
 * each package imports only the packages listed for it below. The list is the map a
 * newcomer reads to see who may use whom: {@code config} and {@code error} at the bottom,
 * stages in the middle, the job definitions ({@code nightly}) and the command line
 * ({@code cli}) on top.
 */
class ArchitectureTests {

	private static final String ROOT = "fr.territoire";

	private static final Set<String> BASE = Set.of("config", "error");

	/** What each package may import besides itself, its subpackages and the base. */
	static final Map<String, Set<String>> ALLOWED = allowed();

	/**
	 * What a package not listed in {@link #ALLOWED} may import besides the base: it is a
	 * stage, which runs SQL in the warehouse. A new stage needs no edit here.
	 */
	static final Set<String> STAGE = Set.of("warehouse");

	/** Packages that may import every package but {@code cli}: the job definitions. */
	static final Set<String> TOP = Set.of("nightly");

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ROOT);
	}

	private static Map<String, Set<String>> allowed() {
		Map<String, Set<String>> allowed = new LinkedHashMap<>();
		allowed.put("error", Set.of());
		allowed.put("config", Set.of("error"));
		allowed.put("schedule", Set.of());
		allowed.put("mapping", Set.of());
		allowed.put("warehouse", Set.of());
		allowed.put("ingest", Set.of("mapping", "warehouse"));
		allowed.put("normalise", Set.of("mapping", "warehouse"));
		allowed.put("geography", Set.of("mapping", "warehouse"));
		allowed.put("history", Set.of("warehouse"));
		allowed.put("audit", Set.of("warehouse"));
		allowed.put("indicator", Set.of("warehouse"));
		allowed.put("publish", Set.of("warehouse"));
		allowed.put("report", Set.of("warehouse", "query"));
		allowed.put("query", Set.of("warehouse"));
		allowed.put("status", Set.of());
		allowed.put("generate", Set.of());
		allowed.put("benchmark", Set.of("ingest", "mapping", "normalise", "warehouse", "secrecy"));
		allowed.put("project", Set.of("schedule", "mapping", "normalise", "geography", "warehouse", "audit",
				"indicator", "publish", "history", "report", "peer", "secrecy", "partner"));
		allowed.put("secrecy", Set.of("indicator", "warehouse"));
		allowed.put("check", Set.of("project", "nightly"));
		allowed.put("job", Set.of("warehouse"));
		// the partner stage reads the mappings of its partners: rule details for the
		// French reasons of the return file, sheet and header to find column letters
		allowed.put("partner", Set.of("mapping", "warehouse"));
		return allowed;
	}

	/**
	 * The audit of statistical secrecy proves the suppression: it shares no code with it.
	 */
	@Test
	void theDisclosureAuditSharesNoCodeWithTheSuppression() {
		rule("disclosure", Set.of("secrecy")).check(classes);
		rule("secrecy", Set.of("disclosure")).check(classes);
	}

	@Test
	void packagesHaveNoCycle() {
		SlicesRuleDefinition.slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void everyPackageImportsOnlyWhatItIsAllowedTo() {
		for (String name : packages()) {
			if (name.equals("cli") || TOP.contains(name)) {
				continue;
			}
			Set<String> forbidden = new TreeSet<>(packages());
			forbidden.remove(name);
			forbidden.removeAll(allowedFor(name));
			forbidden.removeAll(BASE);
			if (name.equals("error")) {
				forbidden.add("config");
			}
			rule(name, forbidden).check(classes);
		}
	}

	@Test
	void theJobDefinitionsImportEverythingButTheCommandLine() {
		for (String name : TOP) {
			noClasses().that()
				.resideInAPackage(ROOT + "." + name + "..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage(ROOT + ".cli..")
				.check(classes);
		}
	}

	private static Set<String> allowedFor(String name) {
		return ALLOWED.getOrDefault(name, STAGE);
	}

	@Test
	void nothingDependsOnTheCommandLineButTheEntryPoint() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".cli..")
			.and()
			.doNotHaveFullyQualifiedName(ROOT + ".TerritoireApplication")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".cli..")
			.check(classes);
	}

	@Test
	void theRuleFailsWhenPublishImportsIngest() {
		JavaClasses offending = new ClassFileImporter().importClasses(PublishImportingIngest.class,
				fr.territoire.ingest.InputDiscovery.class);
		Set<String> forbidden = new TreeSet<>(packages());
		forbidden.removeAll(allowedFor("publish"));
		forbidden.removeAll(BASE);
		forbidden.remove("publish");
		ArchRule rule = noClasses().that()
			.haveFullyQualifiedName(PublishImportingIngest.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(forbidden.stream().map((name) -> ROOT + "." + name + "..").toArray(String[]::new));
		assertThat(rule.evaluate(offending).hasViolation()).isTrue();
	}

	private static ArchRule rule(String name, Set<String> forbidden) {
		return noClasses().that()
			.resideInAPackage(ROOT + "." + name + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(forbidden.stream().map((other) -> ROOT + "." + other + "..").toArray(String[]::new))
			.because(name + " may import only " + allowedFor(name) + " and the base " + BASE);
	}

	private static Set<String> packages() {
		Set<String> names = new TreeSet<>();
		for (JavaClass javaClass : classes) {
			String packageName = javaClass.getPackageName();
			if (packageName.startsWith(ROOT + ".")) {
				names.add(packageName.substring(ROOT.length() + 1).split("\\.")[0]);
			}
		}
		return names;
	}

	/** What the rule must catch: a publishing class that reaches into ingest. */
	static final class PublishImportingIngest {

		List<String> hash(java.nio.file.Path file) {
			return List.of(fr.territoire.ingest.InputDiscovery.class.getName(), file.toString());
		}

	}

}
