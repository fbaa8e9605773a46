package fr.territoire.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the catalogue's templates show, with every number already written as a French
 * reader reads it.
 *
 * @param release the release described
 * @param changes what changed since the previous release
 * @param datasets the datasets, in publication order
 * @param changed the datasets' changes, those that changed first
 * @param charts the charts of key indicators
 * @param glossary the codes the release uses
 * @param indicatorLabels the indicators' labels, by id
 */
record CataloguePage(PublishedRelease release, ReleaseChanges changes, List<DatasetView> datasets,
		List<ChangeView> changed, List<CatalogueContent.Chart> charts, List<CatalogueContent.GlossaryGroup> glossary,
		Map<String, String> indicatorLabels) {

	/** Moved indicators shown on the page; changes.json lists them all. */
	static final int MOVES_SHOWN = 200;

	static CataloguePage of(PublishedRelease release, ReleaseChanges changes, List<CatalogueContent.Chart> charts,
			List<CatalogueContent.GlossaryGroup> glossary, Map<String, String> indicatorLabels) {
		List<DatasetView> datasets = release.datasets().stream().map(DatasetView::of).toList();
		List<ChangeView> changed = changes.datasets().stream().map(ChangeView::of).toList();
		return new CataloguePage(release, changes, datasets, changed, charts, glossary, Map.copyOf(indicatorLabels));
	}

	/** The first moved indicators, in changes.json's order. */
	public List<MoveView> moves() {
		return this.changes.indicatorsMoved()
			.stream()
			.limit(MOVES_SHOWN)
			.map((move) -> MoveView.of(move, this.indicatorLabels.getOrDefault(move.indicatorId(), "")))
			.toList();
	}

	/** How many moved indicators are not shown. */
	public int movesNotShown() {
		return Math.max(0, this.changes.indicatorsMoved().size() - MOVES_SHOWN);
	}

	/** The total size of the datasets' files. */
	public String totalSize() {
		return PageText.size(this.release.datasets().stream().mapToLong(PublishedRelease.Dataset::bytes).sum());
	}

	/**
	 * A dataset as shown.
	 *
	 * @param name its name
	 * @param title its title, or its name
	 * @param description what a row is
	 * @param rows its rows
	 * @param rowsText its rows, written out
	 * @param size the size of its files, written out
	 * @param href its page, relative to the index
	 * @param files its files
	 * @param fields its columns
	 * @param primaryKey its key, comma-separated, empty if none
	 */
	record DatasetView(String name, String title, String description, long rows, String rowsText, String size,
			String href, List<FileView> files, List<PublishedRelease.Field> fields, String primaryKey) {

		static DatasetView of(PublishedRelease.Dataset dataset) {
			return new DatasetView(dataset.name(), dataset.title().isEmpty() ? dataset.name() : dataset.title(),
					dataset.description(), dataset.rows(), PageText.count(dataset.rows()),
					PageText.size(dataset.bytes()), "datasets/" + dataset.name() + ".html",
					dataset.files().stream().map(FileView::of).toList(), dataset.fields(),
					String.join(", ", dataset.primaryKey()));
		}

	}

	/**
	 * A file as shown.
	 *
	 * @param path its path in the release, the link's target from the index
	 * @param format its format
	 * @param size its size, written out
	 * @param bytes its size in bytes
	 * @param sha256 its checksum
	 */
	record FileView(String path, String format, String size, long bytes, String sha256) {

		static FileView of(PublishedRelease.DatasetFile file) {
			String format = file.format().toUpperCase(java.util.Locale.ROOT);
			return new FileView(file.path(), file.path().endsWith(".gz") ? format + " (gzip)" : format,
					PageText.size(file.bytes()), file.bytes(), file.sha256());
		}

	}

	/**
	 * A dataset's change as shown.
	 *
	 * @param name the dataset
	 * @param change its change
	 * @param rowsBefore rows before, written out
	 * @param rowsAfter rows after, written out
	 * @param rowsAdded rows added, written out
	 * @param rowsRemoved rows removed, written out
	 * @param columnsAdded columns added, comma-separated
	 * @param columnsRemoved columns removed, comma-separated
	 */
	record ChangeView(String name, ReleaseChanges.DatasetChange change, String rowsBefore, String rowsAfter,
			String rowsAdded, String rowsRemoved, String columnsAdded, String columnsRemoved) {

		static ChangeView of(ReleaseChanges.DatasetChange change) {
			return new ChangeView(change.name(), change, PageText.count(change.rowsBefore()),
					PageText.count(change.rowsAfter()), PageText.count(change.rowsAdded()),
					PageText.count(change.rowsRemoved()), String.join(", ", change.columnsAdded()),
					String.join(", ", change.columnsRemoved()));
		}

	}

	/**
	 * A moved France value as shown.
	 *
	 * @param move the move
	 * @param before the value before, as text (empty if none)
	 * @param after the value now, as text (empty if none)
	 * @param label the indicator's label, empty if unknown
	 */
	record MoveView(ReleaseChanges.IndicatorMove move, String before, String after, String label) {

		static MoveView of(ReleaseChanges.IndicatorMove move, String label) {
			return new MoveView(move, text(move.before()), text(move.after()), label);
		}

		private static String text(@Nullable BigDecimal value) {
			return (value != null) ? value.toPlainString() : "";
		}

	}

}
