package fr.territoire.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import fr.territoire.config.Definition;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the catalogue of the release the publish step just wrote (not yet promoted):
 * {@code index.html}, a page per dataset, {@code changes.json} against the release
 * {@code latest} points at (the previous one), the ECharts script beside them. Reads the
 * release's files only; running it again rewrites the same files.
 */
public class CatalogueTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(CatalogueTasklet.class);

	private final TerritoireHome home;

	private final BiFunction<String, Long, String> releaseId;

	private final List<Definition<ChartSpec>> charts;

	private final List<Definition<GlossarySpec>> glossary;

	private final List<Definition<ProfileSpec>> profiles;

	private final ReleaseViews.Limits limits;

	/**
	 * The catalogue step.
	 * @param home the home, whose releases are described
	 * @param releaseId the release id of a run date and job instance (as the publish step
	 * names it)
	 * @param charts the charts ({@code warehouse/charts/})
	 * @param glossary the glossary groups ({@code warehouse/glossary/})
	 * @param profiles the sections of the territory profiles
	 * ({@code warehouse/profiles/})
	 * @param settings the warehouse's DuckDB settings, which the catalogue's DuckDB
	 * follows (it spills beside the warehouse)
	 */
	public CatalogueTasklet(TerritoireHome home, BiFunction<String, Long, String> releaseId,
			List<Definition<ChartSpec>> charts, List<Definition<GlossarySpec>> glossary,
			List<Definition<ProfileSpec>> profiles, TerritoireProperties.Warehouse settings) {
		this.home = home;
		this.limits = new ReleaseViews.Limits(settings.memoryLimit(), settings.threads(),
				home.warehouseFolder().resolve("catalogue.tmp"));
		this.releaseId = releaseId;
		this.charts = List.copyOf(charts);
		this.glossary = List.copyOf(glossary);
		this.profiles = List.copyOf(profiles);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		String runDate = String.valueOf(step.getJobExecution().getJobParameters().getString("date"));
		String id = this.releaseId.apply(runDate, step.getJobExecution().getJobInstance().getInstanceId());
		Path folder = this.home.releases().resolve(id);
		if (!Files.isDirectory(folder)) {
			throw new TerritoireException(ErrorCode.RELEASE_VERIFICATION, Location.file(folder.toString()),
					"the release of this run is missing: its catalogue cannot be written", null);
		}
		PublishedRelease release = PublishedRelease.read(folder);
		PublishedRelease previous = previous(id);
		CataloguePage page = write(release, previous, this.charts, this.glossary, this.profiles, this.limits);
		step.setWriteCount(release.datasets().size());
		logger.info("Catalogue of release {} written: {} ({} datasets, {} charts, changes against {})", id,
				folder.resolve("index.html"), release.datasets().size(), page.charts().size(),
				(previous != null) ? previous.id() : "no previous release");
		return RepeatStatus.FINISHED;
	}

	/**
	 * Writes the catalogue of a release into its folder.
	 * @param release the release described
	 * @param previous the release before it, null if none
	 * @param charts the charts
	 * @param glossary the glossary groups
	 * @param limits what its DuckDB may use
	 * @return what the pages show
	 */
	static CataloguePage write(PublishedRelease release, @Nullable PublishedRelease previous,
			List<Definition<ChartSpec>> charts, List<Definition<GlossarySpec>> glossary, ReleaseViews.Limits limits)
			throws IOException {
		return write(release, previous, charts, glossary, List.of(), limits);
	}

	/**
	 * Writes the catalogue of a release and the profile of each of its territories into
	 * its folder.
	 * @param release the release described
	 * @param previous the release before it, null if none
	 * @param charts the charts
	 * @param glossary the glossary groups
	 * @param profiles the sections of the territory profiles, none for no profiles
	 * @param limits what its DuckDB may use
	 * @return what the pages show
	 */
	static CataloguePage write(PublishedRelease release, @Nullable PublishedRelease previous,
			List<Definition<ChartSpec>> charts, List<Definition<GlossarySpec>> glossary,
			List<Definition<ProfileSpec>> profiles, ReleaseViews.Limits limits) throws IOException {
		try (ReleaseViews views = ReleaseViews.open(release, previous, limits)) {
			ReleaseChanges changes = (previous != null) ? ReleaseChanges.compare(views, release, previous)
					: ReleaseChanges.first();
			Map<String, CatalogueContent.Preview> previews = new LinkedHashMap<>();
			for (PublishedRelease.Dataset dataset : release.datasets()) {
				previews.put(dataset.name(), CatalogueContent.preview(views, dataset.name()));
			}
			CataloguePage page = CataloguePage.of(release, changes, CatalogueContent.charts(views, charts),
					CatalogueContent.glossary(views, glossary), CatalogueContent.indicatorLabels(views));
			long start = System.nanoTime();
			TerritoryProfiles.Written written = TerritoryProfiles.write(views, release, profiles);
			if (written.territories() > 0) {
				logger.info(
						"Profiles of {} territories written in {} ms, {} ms of which writing files ({} bytes of "
								+ "data files)",
						written.territories(), (System.nanoTime() - start) / 1_000_000, written.writingMillis(),
						written.bytes());
			}
			new CataloguePages().write(page, previews, CatalogueContent.alerts(views), NetworkPartners.read(views),
					written.territories() > 0);
			return page;
		}
	}

	/** The release {@code latest} points at, unless it is this one or unreadable. */
	private @Nullable PublishedRelease previous(String id) {
		Path latest = this.home.latestRelease();
		if (!Files.exists(latest)) {
			return null;
		}
		try {
			Path folder = latest.toRealPath();
			if (folder.getFileName().toString().equals(id)) {
				return null;
			}
			return PublishedRelease.read(folder);
		}
		catch (IOException | TerritoireException ex) {
			logger.warn("The previous release ({}) cannot be read; the catalogue says what changed against none: {}",
					latest, ex.getMessage());
			return null;
		}
	}

}
