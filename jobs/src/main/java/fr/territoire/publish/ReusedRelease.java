package fr.territoire.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.territoire.config.FileHash;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The release of a run that reused the last promoted one (its inputs, configuration and
 * code unchanged, docs/operations.md): the same files under the new id, hard links of the
 * reused release's, except those that name the release, rewritten:
 * <ul>
 * <li>{@code manifest.json}: the new {@code id}, {@code run_date} and
 * {@code job_execution_id}, and {@code reused_from} naming the reused release; its
 * {@code created_at} stays the time the data files were written;</li>
 * <li>{@code datapackage.json}, {@code catalog.jsonld} and the catalogue's pages: the old
 * id replaced by the new one;</li>
 * <li>{@code changes.json} and the "what changed" section of {@code index.html}: nothing
 * changed since the reused release;</li>
 * <li>{@code SHA256SUMS}: the same lines, those of the rewritten files recomputed.</li>
 * </ul>
 * Written aside in {@code .partial-<id>} and moved into place, as any release.
 */
final class ReusedRelease {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final Pattern CHANGES = Pattern.compile("(?s)<section id=\"changes\">.*?</section>");

	private ReusedRelease() {
	}

	/**
	 * Writes release {@code id} from release {@code reused}.
	 * @param releases the releases folder
	 * @param reused the id of the reused release
	 * @param id the new release's id
	 * @param runDate the new run's date
	 * @param jobExecutionId the new run's job execution
	 * @return the files linked and the files rewritten
	 */
	static Outcome write(Path releases, String reused, String id, String runDate, long jobExecutionId)
			throws IOException {
		Path source = releases.resolve(reused);
		if (!Files.isRegularFile(source.resolve("manifest.json"))) {
			throw new TerritoireException(ErrorCode.RELEASE_VERIFICATION, Location.file(source.toString()),
					"the release this run reuses is missing; run again with --rerun after removing "
							+ "var/warehouse/next.duckdb to recompute");
		}
		Path partial = Releases.partial(releases, id);
		Path release = releases.resolve(id);
		Releases.deleteRecursively(partial);
		Releases.deleteRecursively(release);
		Pattern oldId = Pattern.compile(Pattern.quote(reused) + "(?![0-9])");
		String newId = Matcher.quoteReplacement(id);
		List<String> rewritten = new ArrayList<>();
		long linked = 0;
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.sorted().toList()) {
				Path target = partial.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
					continue;
				}
				String name = path.getFileName().toString();
				String relative = source.relativize(path).toString().replace('\\', '/');
				if (name.equals("manifest.json") && relative.equals(name)) {
					Files.write(target, manifest(path, reused, id, runDate, jobExecutionId));
				}
				else if (name.equals("changes.json") && relative.equals(name)) {
					Files.write(target, changes(reused));
				}
				else if (name.equals("SHA256SUMS") && relative.equals(name)) {
					continue;
				}
				else if (name.endsWith(".html") || name.endsWith(".json") || name.endsWith(".jsonld")) {
					String text = Files.readString(path, StandardCharsets.UTF_8);
					String replaced = oldId.matcher(text).replaceAll(newId);
					if (relative.equals("index.html")) {
						replaced = CHANGES.matcher(replaced)
							.replaceFirst(Matcher.quoteReplacement(changesSection(reused)));
					}
					if (replaced.equals(text)) {
						Files.createLink(target, path);
						linked++;
						continue;
					}
					Files.writeString(target, replaced, StandardCharsets.UTF_8);
				}
				else {
					Files.createLink(target, path);
					linked++;
					continue;
				}
				rewritten.add(relative);
			}
		}
		Files.write(partial.resolve("SHA256SUMS"), checksums(source, partial, rewritten));
		Files.move(partial, release, StandardCopyOption.ATOMIC_MOVE);
		return new Outcome(release, linked, rewritten);
	}

	private static byte[] manifest(Path file, String reused, String id, String runDate, long jobExecutionId) {
		ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
		ObjectNode rewritten = JSON.createObjectNode();
		for (var entry : manifest.properties()) {
			String key = entry.getKey();
			if (key.equals("reused_from")) {
				continue;
			}
			JsonNode value = switch (key) {
				case "id" -> JSON.getNodeFactory().stringNode(id);
				case "run_date" -> JSON.getNodeFactory().stringNode(runDate);
				case "job_execution_id" -> JSON.getNodeFactory().numberNode(jobExecutionId);
				default -> entry.getValue();
			};
			rewritten.set(key, value);
			if (key.equals("job_execution_id")) {
				rewritten.put("reused_from", reused);
			}
		}
		return JSON.writeValueAsBytes(rewritten);
	}

	private static byte[] changes(String reused) {
		ObjectNode changes = JSON.createObjectNode();
		changes.put("previous_release", reused);
		changes.put("reused_from", reused);
		changes.putArray("datasets");
		changes.putArray("indicators_moved");
		return JSON.writeValueAsBytes(changes);
	}

	private static String changesSection(String reused) {
		return "<section id=\"changes\">\n  <h2>Ce qui a changé</h2>\n"
				+ "  <p id=\"previous-release\">Depuis la publication précédente, <code>" + reused
				+ "</code> : rien n'a changé. Les mêmes fichiers d'entrée et la même configuration donnent les mêmes "
				+ "données : cette publication reprend ses fichiers.</p>\n"
				+ "  <p>Le détail lisible par une machine : <a href=\"changes.json\">changes.json</a>.</p>\n</section>";
	}

	/**
	 * The reused release's {@code SHA256SUMS}, in its order, with the lines of the files
	 * rewritten recomputed (the others are the same bytes: not hashed again).
	 */
	private static byte[] checksums(Path source, Path partial, List<String> rewritten) throws IOException {
		StringBuilder sums = new StringBuilder();
		for (String line : Files.readAllLines(source.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			String path = line.substring(line.indexOf("  ") + 2);
			String sum = rewritten.contains(path) ? FileHash.sha256(partial.resolve(path))
					: line.substring(0, line.indexOf("  "));
			sums.append(sum).append("  ").append(path).append('\n');
		}
		return sums.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * What was written.
	 *
	 * @param release the release folder
	 * @param linked the files hard-linked to the reused release's
	 * @param rewritten the files rewritten because they name the release
	 */
	record Outcome(Path release, long linked, List<String> rewritten) {
	}

}
