package fr.territoire.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import fr.territoire.alert.AlertSpec;
import fr.territoire.alert.AlertTasklet;
import fr.territoire.audit.AuditTasklet;
import fr.territoire.catalogue.CatalogueTasklet;
import fr.territoire.catalogue.ChartSpec;
import fr.territoire.catalogue.GlossarySpec;
import fr.territoire.catalogue.ProfileSpec;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.geography.GeographyTasklet;
import fr.territoire.history.EstablishmentHistory;
import fr.territoire.history.HistoryTasklet;
import fr.territoire.indicator.IndicatorTasklet;
import fr.territoire.ingest.DiscoverTasklet;
import fr.territoire.ingest.IngestTasklet;
import fr.territoire.job.TaskletSteps;
import fr.territoire.job.WarehouseLifecycleListener;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.normalise.NormaliseTasklet;
import fr.territoire.normalise.StagingSql;
import fr.territoire.disclosure.DisclosureAuditTasklet;
import fr.territoire.partner.PartnerRegisterTasklet;
import fr.territoire.partner.PartnerReturnListener;
import fr.territoire.peer.PeerTasklet;
import fr.territoire.secrecy.SecrecyTasklet;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.publish.PromotionTasklet;
import fr.territoire.publish.PublishTasklet;
import fr.territoire.publish.PublishedSecrecy;
import fr.territoire.publish.ReleaseHousekeeping;
import fr.territoire.publish.Releases;
import fr.territoire.report.RunReportListener;
import fr.territoire.reuse.ReuseTasklet;
import fr.territoire.reuse.SkipWhenReused;
import fr.territoire.report.RunReportTasklet;
import fr.territoire.report.RunReportWriter;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelLayerTasklet;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly} job: discover → reuse → ingest (one step per source) → normalise
 * (one step per source) → geography → history → model → audit → secrecy → indicators →
 * peers → alerts → partners → public → audit.public → disclosure → publish → catalogue →
 * report → promote. Audits run after the layer they declare: up to marts in
 * {@code audit}, after indicators or public in {@code audit.public}. Every step is a
 * tasklet running set-based SQL in DuckDB; every step is idempotent, so a failed run
 * restarts at the failed step.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(NightlyJobConfiguration.class);

	/** The job's name, as given to {@code territoire run}. */
	public static final String JOB_NAME = "nightly";

	@Bean
	ProjectConfiguration projectConfiguration(TerritoireHome home, TerritoireProperties properties) {
		return ProjectConfiguration.load(home.project(), Jobs.NAMES, properties.configurationAnswers(home))
			.requireValid();
	}

	/**
	 * Checks at start-up that the job names {@code territoire check} validates schedules
	 * against ({@link Jobs#NAMES}) are those of the {@code Job} beans.
	 */
	@Bean
	static SmartInitializingSingleton jobNamesAreThoseOfTheJobBeans(ListableBeanFactory beans) {
		return () -> {
			Set<String> names = beans.getBeansOfType(Job.class)
				.values()
				.stream()
				.map(Job::getName)
				.collect(Collectors.toSet());
			if (!names.equals(Jobs.NAMES)) {
				throw new TerritoireException(ErrorCode.INTERNAL,
						"the Job beans are " + names + " but Jobs.NAMES says " + Jobs.NAMES + ": list every job there");
			}
		};
	}

	@Bean(destroyMethod = "close")
	WarehouseSession warehouseSession(TerritoireHome home, TerritoireProperties properties,
			ProjectConfiguration project) {
		return new WarehouseSession(home, properties.warehouse(), project.schema(), project.macros());
	}

	@Bean
	Job nightlyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WarehouseSession warehouse, ProjectConfiguration project, TerritoireProperties properties) {
		MappingCatalog mappings = project.mappings();
		ModelCatalog models = project.models();
		TaskletSteps steps = new TaskletSteps(jobRepository, transactionManager);
		RunReportWriter reports = new RunReportWriter(warehouse.home(), jobRepository, project.reports());
		SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
			.listener(new WarehouseLifecycleListener(warehouse, jobRepository))
			.listener(new RunReportListener(warehouse, reports))
			.listener(new ReleaseHousekeeping(warehouse))
			.listener(new PartnerReturnListener(warehouse, project.partners(), project.partnerFeeds(),
					mappings.mappings()))
			.listener(new JobExecutionListener() {
				@Override
				public void beforeJob(JobExecution execution) {
					project.warnings().forEach((warning) -> logger.warn("{}", warning));
				}
			})
			.start(steps.step("discover", new DiscoverTasklet(warehouse, mappings)))
			.next(steps.step("reuse", new ReuseTasklet(warehouse, outputSettings(properties))));
		for (Mapping mapping : mappings.mappings()) {
			job.next(steps.step("ingest." + mapping.source(), new SkipWhenReused(warehouse,
					new IngestTasklet(warehouse, mapping, properties.ingest().formulaEvaluationLimit().toBytes()))));
		}
		for (Mapping mapping : normaliseOrder(mappings.mappings())) {
			SqlModel model = project.stagingModel(mapping);
			job.next(steps.step("normalise." + mapping.source(),
					new SkipWhenReused(warehouse, new NormaliseTasklet(warehouse, mapping, model))));
		}
		return job
			.next(computing(steps, warehouse, "geography",
					new GeographyTasklet(warehouse, models, project.geography().sources(),
							properties.geography().targetVintage())))
			.next(computing(steps, warehouse, "history",
					new HistoryTasklet(warehouse, EstablishmentHistory.of(project.history(), project.schema()))))
			.next(computing(steps, warehouse, "model",
					new ModelLayerTasklet(warehouse, models, List.of(SqlModel.Layer.CORE, SqlModel.Layer.MARTS))))
			.next(computing(steps, warehouse, "audit", AuditTasklet.afterModels(warehouse, project.allAudits())))
			.next(computing(steps, warehouse, "secrecy",
					new SecrecyTasklet(warehouse, project.protectedTables(), project.secrecy(), models)))
			.next(computing(steps, warehouse, "indicators",
					new IndicatorTasklet(warehouse, project.indicators(), models)))
			.next(computing(steps, warehouse, "peers", new PeerTasklet(warehouse, project.requiredPeers())))
			.next(computing(steps, warehouse, "alerts",
					new AlertTasklet(warehouse, project.definitions(AlertSpec.class))))
			.next(computing(steps, warehouse, "partners",
					new PartnerRegisterTasklet(warehouse, project.partners(), project.partnerFeeds())))
			.next(computing(steps, warehouse, "public",
					new ModelLayerTasklet(warehouse, models, List.of(SqlModel.Layer.PUBLIC))))
			.next(computing(steps, warehouse, "audit.public",
					AuditTasklet.beforePublication(warehouse, project.allAudits())))
			.next(computing(steps, warehouse, "disclosure",
					new DisclosureAuditTasklet(warehouse, project.secrecy().interval())))
			.next(steps.step("publish",
					new PublishTasklet(warehouse, project.requiredPublication(), models,
							new PublishedSecrecy(project.secrecy().minUnits(), project.secrecy().dominance(),
									project.secrecy().secondary(), project.secrecy().method()))))
			.next(computing(steps, warehouse, "catalogue",
					new CatalogueTasklet(warehouse.home(), Releases::id, project.definitions(ChartSpec.class),
							project.definitions(GlossarySpec.class), project.definitions(ProfileSpec.class),
							properties.warehouse())))
			.next(computing(steps, warehouse, "report", new RunReportTasklet(warehouse, reports)))
			.next(steps.step("promote", new PromotionTasklet(warehouse, properties.publish().keepReleases())))
			.build();
	}

	/**
	 * A step that computes: skipped, with a line saying why, when the run reuses the last
	 * promoted run's outputs (its inputs, configuration and code unchanged: the
	 * {@code reuse} step, docs/operations.md).
	 */
	private static Step computing(TaskletSteps steps, WarehouseSession warehouse, String name, Tasklet tasklet) {
		return steps.step(name, new SkipWhenReused(warehouse, tasklet));
	}

	/**
	 * The settings that change what a run computes, part of its configuration's
	 * fingerprint (the others, memory, threads, query bounds, releases kept, do not).
	 */
	static String outputSettings(TerritoireProperties properties) {
		return "geography=" + properties.geography() + "; ingest=" + properties.ingest();
	}

	/**
	 * Sources validated by hand-written models first, then declarative ones, those whose
	 * rules read other staging tables (references) last.
	 */
	static List<Mapping> normaliseOrder(List<Mapping> mappings) {
		List<Mapping> ordered = new ArrayList<>();
		mappings.stream().filter((mapping) -> !mapping.isDeclarative()).forEach(ordered::add);
		mappings.stream()
			.filter((mapping) -> mapping.isDeclarative() && StagingSql.references(mapping).isEmpty())
			.forEach(ordered::add);
		mappings.stream()
			.filter((mapping) -> mapping.isDeclarative() && !StagingSql.references(mapping).isEmpty())
			.forEach(ordered::add);
		return ordered;
	}

}
