package fr.territoire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed in the inbox for one source since its files were recorded: files added,
 * removed, or replaced (same name, another SHA-256).
 *
 * @param source the source
 * @param added names of files found now and not recorded
 * @param removed names of files recorded and not found now
 * @param replaced names of files found with another content
 */
public record InboxChanges(String source, List<String> added, List<String> removed, List<String> replaced) {

	public InboxChanges {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		replaced = List.copyOf(replaced);
	}

	/**
	 * Compares the files recorded for a source with those found now.
	 * @param source the source
	 * @param recorded SHA-256 by file name, as recorded
	 * @param found the files found now
	 * @return the changes
	 */
	public static InboxChanges between(String source, Map<String, String> recorded, List<InputFile> found) {
		Map<String, String> now = new TreeMap<>();
		found.forEach((file) -> now.put(file.name(), file.sha256()));
		List<String> added = new ArrayList<>();
		List<String> replaced = new ArrayList<>();
		now.forEach((name, sha256) -> {
			if (!recorded.containsKey(name)) {
				added.add(name);
			}
			else if (!recorded.get(name).equals(sha256)) {
				replaced.add(name);
			}
		});
		List<String> removed = new TreeMap<>(recorded).keySet()
			.stream()
			.filter((name) -> !now.containsKey(name))
			.toList();
		return new InboxChanges(source, added, removed, replaced);
	}

	/** Whether anything changed. */
	public boolean any() {
		return !this.added.isEmpty() || !this.removed.isEmpty() || !this.replaced.isEmpty();
	}

	/** The changes in words, e.g. {@code added a.csv; removed b.csv}. */
	public String describe() {
		List<String> parts = new ArrayList<>();
		if (!this.added.isEmpty()) {
			parts.add("added " + String.join(", ", this.added));
		}
		if (!this.removed.isEmpty()) {
			parts.add("removed " + String.join(", ", this.removed));
		}
		if (!this.replaced.isEmpty()) {
			parts.add("replaced " + String.join(", ", this.replaced));
		}
		return this.source + ": " + String.join("; ", parts);
	}

}
