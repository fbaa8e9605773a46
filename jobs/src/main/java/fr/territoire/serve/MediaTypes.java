package fr.territoire.serve;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The media type of a published file, from its name.
 */
final class MediaTypes {

	static final String HTML = "text/html; charset=utf-8";

	private static final String DEFAULT = "application/octet-stream";

	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
			Map.entry("parquet", "application/vnd.apache.parquet"), Map.entry("csv", "text/csv; charset=utf-8"),
			Map.entry("json", "application/json"), Map.entry("jsonld", "application/ld+json"), Map.entry("html", HTML),
			Map.entry("htm", HTML), Map.entry("js", "text/javascript; charset=utf-8"),
			Map.entry("css", "text/css; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
			Map.entry("md", "text/markdown; charset=utf-8"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("zip", "application/zip"),
			Map.entry("gz", "application/gzip"));

	/** Text worth compressing: what gzip is offered for. */
	private static final Set<String> COMPRESSIBLE = Set.of("csv", "json", "jsonld", "html", "htm", "js", "css", "txt",
			"md", "svg");

	private MediaTypes() {
	}

	static String of(String fileName) {
		if (fileName.equals("SHA256SUMS")) {
			return "text/plain; charset=utf-8";
		}
		return BY_EXTENSION.getOrDefault(extension(fileName), DEFAULT);
	}

	static boolean compressible(String fileName) {
		return fileName.equals("SHA256SUMS") || COMPRESSIBLE.contains(extension(fileName));
	}

	private static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot < 0) ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
