package fr.territoire.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.territoire.audit.Audit;
import fr.territoire.audit.AuditCatalog;
import fr.territoire.audit.AuditOrder;
import fr.territoire.audit.ModelTestAudits;
import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionsIn;
import fr.territoire.config.Problem;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.geography.DeclaredSources;
import fr.territoire.history.HistoryStatements;
import fr.territoire.indicator.IndicatorCatalog;
import fr.territoire.indicator.IndicatorChecks;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.partner.PartnerFeed;
import fr.territoire.partner.PartnerSpec;
import fr.territoire.peer.PeerColumns;
import fr.territoire.peer.PeerSpec;
import fr.territoire.publish.PublicationSpec;
import fr.territoire.publish.PublishedColumns;
import fr.territoire.report.ReportSections;
import fr.territoire.schedule.ScheduleCatalog;
import fr.territoire.secrecy.ProtectedTable;
import fr.territoire.secrecy.SecrecyChecks;
import fr.territoire.secrecy.SecrecySettings;
import fr.territoire.schedule.ScheduleEntry;
import fr.territoire.warehouse.MacroCatalog;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.WarehouseSchema;
import fr.territoire.warehouse.SqlModel;
import org.jspecify.annotations.Nullable;

/**
 * Everything the project's folders declare, read once, with every problem found: in a
 * file, between files (a mapping and its staging model, a schedule and its job), or a
 * file that nothing reads.
 *
 * @param folder the project folder
 * @param mappings {@code mappings/}
 * @param schema {@code warehouse/schema/}: the tables every warehouse has
 * @param macros {@code warehouse/macros/}
 * @param models {@code warehouse/models/}
 * @param audits {@code warehouse/audits/}
 * @param indicators {@code warehouse/indicators/}
 * @param history {@code warehouse/history/}: the statements of the history step
 * @param reports {@code warehouse/reports/}: the sections of the run report
 * @param publication {@code warehouse/publish.yaml}, null when missing or invalid
 * @param peers {@code warehouse/peers.yaml}: the statistical nearest neighbours, null
 * when missing or invalid
 * @param secrecy {@code warehouse/secrecy.yaml}: the thresholds and method of statistical
 * secrecy (the defaults when missing)
 * @param schedules {@code schedules/}
 * @param geography the sources whose commune codes are harmonised to the target vintage
 * @param declared the folders of the records annotated with {@link DefinitionsIn}
 * @param problems every problem, errors and warnings
 */
public record ProjectConfiguration(Path folder, MappingCatalog mappings, WarehouseSchema schema, MacroCatalog macros,
		ModelCatalog models, AuditCatalog audits, IndicatorCatalog indicators, HistoryStatements history,
		ReportSections reports, @Nullable PublicationSpec publication, @Nullable PeerSpec peers,
		SecrecySettings secrecy, ScheduleCatalog schedules, DeclaredSources geography, DeclaredFolders declared,
		List<Problem> problems) {

	public ProjectConfiguration {
		Objects.requireNonNull(folder, "folder is null");
		problems = List.copyOf(problems);
	}

	/**
	 * Reads every configuration folder of a project.
	 * @param project the project folder
	 * @param jobs the names of the jobs the application defines (schedules must name one)
	 * @return the configuration with all its problems
	 */
	public static ProjectConfiguration load(Path project, Set<String> jobs) {
		return load(project, jobs, DuckDbAnswers.none());
	}

	/**
	 * Reads every configuration folder of a project, remembering DuckDB's answers to the
	 * checks that need it in a folder (see {@code DuckDbAnswers}).
	 * @param project the project folder
	 * @param jobs the names of the jobs the application defines (schedules must name one)
	 * @param answers the folder of DuckDB's remembered answers, under the home
	 * @return the configuration with all its problems
	 */
	public static ProjectConfiguration load(Path project, Set<String> jobs, Path answers) {
		return load(project, jobs, DuckDbAnswers.in(answers));
	}

	private static ProjectConfiguration load(Path project, Set<String> jobs, DuckDbAnswers answers) {
		List<Problem> problems = new ArrayList<>();
		MappingCatalog mappings = MappingCatalog.load(project);
		WarehouseSchema schema = WarehouseSchema.load(project);
		MacroCatalog macros = MacroCatalog.load(project);
		ModelCatalog models = ModelCatalog.load(project);
		AuditCatalog audits = AuditCatalog.load(project);
		IndicatorCatalog indicators = IndicatorCatalog.load(project);
		ScheduleCatalog schedules = ScheduleCatalog.load(project);
		HistoryStatements history = HistoryStatements.load(project);
		ReportSections reports = ReportSections.load(project);
		problems.addAll(mappings.problems());
		problems.addAll(schema.problems());
		problems.addAll(macros.problems());
		problems.addAll(models.problems());
		DeclaredSources geography = DeclaredSources.of(mappings, models);
		problems.addAll(geography.problems());
		problems.addAll(audits.problems());
		problems.addAll(indicators.problems());
		problems.addAll(IndicatorChecks.problems(indicators, models));
		problems.addAll(history.problems());
		problems.addAll(reports.problems());
		if (indicators.indicators().isEmpty() && indicators.problems().isEmpty()) {
			problems.add(Problem.of("warehouse/indicators", "no indicator defined",
					"add at least one warehouse/indicators/<id>.yaml"));
		}
		PublicationSpec publication = PublicationSpec.load(project, problems);
		PeerSpec peers = PeerSpec.load(project, problems);
		if (peers != null) {
			problems.addAll(PeerColumns.problems(peers, schema, models));
		}
		SecrecySettings secrecy = SecrecySettings.load(project, problems);
		problems.addAll(SecrecyChecks.problems(indicators, models));
		problems.addAll(schedules.problems());
		for (Definition<ScheduleEntry> entry : schedules.entries()) {
			if (!jobs.contains(entry.spec().job())) {
				problems.add(Problem.of(entry.shownAs(), "unknown job '" + entry.spec().job() + "'",
						"known jobs: " + jobs.stream().sorted().toList()));
			}
		}
		problems.addAll(ModelTestAudits.problems(models));
		problems.addAll(AuditOrder.problems(audits));
		if (publication != null) {
			try (ModelColumns columns = new ModelColumns(models, answers)) {
				problems.addAll(PublishedColumns.problems(publication, models, columns::of));
			}
		}
		problems.addAll(StagingLinks.problems(mappings, models, macros, answers));
		problems.addAll(UnusedStagingTables.warnings(project, mappings, models, geography));
		DeclaredFolders declared = DeclaredFolders.read(project, problems);
		problems.addAll(PartnerLinks.problems(project, mappings, declared.of(PartnerSpec.class), indicators, models));
		problems.addAll(WarehouseFolder.unread(project));
		return new ProjectConfiguration(project, mappings, schema, macros, models, audits, indicators, history, reports,
				publication, peers, secrecy, schedules, geography, declared, problems);
	}

	/** The problems that make the configuration invalid. */
	public List<Problem> errors() {
		return this.problems.stream().filter(Problem::isError).toList();
	}

	/** The problems printed without making the configuration invalid. */
	public List<Problem> warnings() {
		return this.problems.stream().filter((problem) -> !problem.isError()).toList();
	}

	/**
	 * This configuration, when it has no error.
	 * @throws TerritoireException with code {@link ErrorCode#BAD_CONFIGURATION} listing
	 * every error
	 */
	public ProjectConfiguration requireValid() {
		List<Problem> errors = errors();
		if (!errors.isEmpty()) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(errors.get(0).file()),
					"invalid configuration (run 'territoire check'):\n"
							+ errors.stream().map((problem) -> "  " + problem).collect(Collectors.joining("\n")));
		}
		return this;
	}

	/** The publication specification of a valid configuration. */
	public PublicationSpec requiredPublication() {
		return Objects.requireNonNull(requireValid().publication, "publication is null in a valid configuration");
	}

	/** The statistical nearest neighbours of a valid configuration. */
	public PeerSpec requiredPeers() {
		return Objects.requireNonNull(requireValid().peers, "peers is null in a valid configuration");
	}

	/** The measures statistical secrecy protects, with what their indicators publish. */
	public List<ProtectedTable> protectedTables() {
		return ProtectedTable.of(this.indicators, this.models);
	}

	/**
	 * The definitions of a folder declared by its record with {@link DefinitionsIn}: how
	 * a stage with its own folder gets what it runs.
	 */
	public <T> List<Definition<T>> definitions(Class<T> type) {
		return this.declared.of(type);
	}

	/**
	 * The audits of {@code warehouse/audits/} and those generated from the models' YAML
	 * tests.
	 */
	public List<Audit> allAudits() {
		List<Audit> all = new ArrayList<>(this.audits.audits());
		all.addAll(ModelTestAudits.generate(this.models));
		return List.copyOf(all);
	}

	/** The partners of {@code partners/}, by file name. */
	public List<Definition<PartnerSpec>> partners() {
		return definitions(PartnerSpec.class);
	}

	/**
	 * What each mapping sent by a declared partner feeds: the indicators derived from the
	 * models that read its rows ({@link PartnerLinks}).
	 */
	public List<PartnerFeed> partnerFeeds() {
		return PartnerLinks.feeds(this.mappings, partners(), this.indicators, this.models);
	}

	/** The mapping of a source, if any. */
	public Optional<Mapping> mapping(String source) {
		return this.mappings.mappings().stream().filter((mapping) -> mapping.source().equals(source)).findFirst();
	}

	/**
	 * The staging model that validates a mapping's rows: generated from a declarative
	 * mapping, otherwise the one hand-written model naming its source.
	 */
	public SqlModel stagingModel(Mapping mapping) {
		return StagingLinks.stagingModel(this.models, mapping);
	}

}
