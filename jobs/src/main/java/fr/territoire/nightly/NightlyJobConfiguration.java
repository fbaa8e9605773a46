package fr.territoire.nightly;

import java.util.ArrayList;
import java.util.List;

import fr.territoire.audit.Audit;
import fr.territoire.audit.AuditCatalog;
import fr.territoire.audit.AuditOrder;
import fr.territoire.audit.AuditTasklet;
import fr.territoire.audit.ModelTestAudits;
import fr.territoire.geography.GeographyTasklet;
import fr.territoire.history.HistoryTasklet;
import fr.territoire.config.TerritoireHome;
import fr.territoire.job.StepLoggingListener;
import fr.territoire.job.WarehouseLifecycleListener;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.indicator.IndicatorCatalog;
import fr.territoire.indicator.IndicatorTasklet;
import fr.territoire.ingest.DiscoverTasklet;
import fr.territoire.ingest.IngestTasklet;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.MappingCatalog;
import fr.territoire.normalise.NormaliseTasklet;
import fr.territoire.normalise.StagingSql;
import fr.territoire.publish.PublicationSpec;
import fr.territoire.publish.PublishTasklet;
import fr.territoire.report.RunReportTasklet;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelLayerTasklet;
import fr.territoire.warehouse.PromoteTasklet;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly} job: discover → ingest (one step per source) → normalise (one step
 * per source) → geography → history → model → audit → indicators → public → audit.public
 * → publish → report → promote. Audits run after the layer they declare: up to marts in
 * {@code audit}, after indicators or public in {@code audit.public}. Every step is a
 * tasklet running set-based SQL in DuckDB; every step is idempotent, so a failed run
 * restarts at the failed step.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

	/** The job's name, as given to {@code territoire run}. */
	public static final String JOB_NAME = "nightly";

	@Bean
	MappingCatalog mappingCatalog(TerritoireHome home) {
		return Catalogs.valid(MappingCatalog.load(home.project()), MappingCatalog::problems);
	}

	@Bean
	ModelCatalog modelCatalog(TerritoireHome home) {
		ModelCatalog models = Catalogs.valid(ModelCatalog.load(home.project()), ModelCatalog::problems);
		return Catalogs.valid(models, ModelTestAudits::problems);
	}

	@Bean
	AuditCatalog auditCatalog(TerritoireHome home) {
		AuditCatalog audits = Catalogs.valid(AuditCatalog.load(home.project()), AuditCatalog::problems);
		return Catalogs.valid(audits, AuditOrder::problems);
	}

	@Bean
	IndicatorCatalog indicatorCatalog(TerritoireHome home) {
		return Catalogs.valid(IndicatorCatalog.load(home.project()), IndicatorCatalog::problems);
	}

	@Bean
	PublicationSpec publicationSpec(TerritoireHome home) {
		return PublicationSpec.loadOrFail(home.project());
	}

	@Bean(destroyMethod = "close")
	WarehouseSession warehouseSession(TerritoireHome home, TerritoireProperties properties) {
		return new WarehouseSession(home, properties.warehouse());
	}

	@Bean
	Job nightlyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WarehouseSession warehouse, MappingCatalog mappings, ModelCatalog models, AuditCatalog auditCatalog,
			IndicatorCatalog indicators, PublicationSpec publication, TerritoireProperties properties) {
		List<Audit> audits = new ArrayList<>(auditCatalog.audits());
		audits.addAll(ModelTestAudits.generate(models));
		StepFactory steps = new StepFactory(jobRepository, transactionManager);
		SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
			.listener(new WarehouseLifecycleListener(warehouse, jobRepository))
			.start(steps.step("discover", new DiscoverTasklet(warehouse, mappings)));
		for (Mapping mapping : mappings.mappings()) {
			job.next(steps.step("ingest." + mapping.source(), new IngestTasklet(warehouse, mapping)));
		}
		for (Mapping mapping : normaliseOrder(mappings.mappings())) {
			SqlModel model = stagingModel(models, mapping);
			job.next(steps.step("normalise." + mapping.source(), new NormaliseTasklet(warehouse, mapping, model)));
		}
		return job
			.next(steps.step("geography",
					new GeographyTasklet(warehouse, models, properties.geography().targetVintage())))
			.next(steps.step("history", new HistoryTasklet(warehouse)))
			.next(steps.step("model",
					new ModelLayerTasklet(warehouse, models, List.of(SqlModel.Layer.CORE, SqlModel.Layer.MARTS))))
			.next(steps.step("audit", AuditTasklet.afterModels(warehouse, audits)))
			.next(steps.step("indicators", new IndicatorTasklet(warehouse, indicators)))
			.next(steps.step("public", new ModelLayerTasklet(warehouse, models, List.of(SqlModel.Layer.PUBLIC))))
			.next(steps.step("audit.public", AuditTasklet.beforePublication(warehouse, audits)))
			.next(steps.step("publish", new PublishTasklet(warehouse, publication, models)))
			.next(steps.step("report", new RunReportTasklet(warehouse)))
			.next(steps.step("promote", new PromoteTasklet(warehouse)))
			.build();
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

	private static SqlModel stagingModel(ModelCatalog models, Mapping mapping) {
		if (mapping.isDeclarative()) {
			return StagingSql.model(mapping);
		}
		List<SqlModel> matching = new ArrayList<>();
		for (SqlModel model : models.layer(SqlModel.Layer.STAGING)) {
			if (mapping.source().equals(model.spec().source())) {
				matching.add(model);
			}
		}
		if (matching.size() != 1) {
			throw new IllegalStateException("source " + mapping.source() + " needs exactly one staging model "
					+ "(warehouse/models/staging/*.yaml with 'source: " + mapping.source() + "'), found "
					+ matching.size());
		}
		return matching.get(0);
	}

	private record StepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager) {

		Step step(String name, Tasklet tasklet) {
			return new StepBuilder(name, this.jobRepository).tasklet(tasklet, this.transactionManager)
				.listener(new StepLoggingListener())
				.build();
		}

	}

}
