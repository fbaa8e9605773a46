package fr.territoire.serve;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The HTML listing of a served folder without {@code index.html}, and of the root when
 * there is no catalogue yet (rendered from {@code listing.html}).
 */
final class ListingPage {

	private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final TemplateEngine engine;

	ListingPage() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ListingPage.class.getClassLoader());
		resolver.setPrefix("fr/territoire/serve/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		this.engine = new TemplateEngine();
		this.engine.setTemplateResolver(resolver);
	}

	/** The root: {@code latest} and every release, newest first. */
	String root(PublishFolder folder) throws IOException {
		List<Listing.Entry> entries = new ArrayList<>();
		Path latest = folder.root().resolve(PublishFolder.LATEST);
		if (Files.isDirectory(latest)) {
			entries
				.add(new Listing.Entry("latest/", "latest/", "", "→ " + latest.toRealPath().getFileName().toString()));
		}
		Path releases = folder.root().resolve(PublishFolder.RELEASES);
		if (Files.isDirectory(releases)) {
			List<Path> newestFirst = new ArrayList<>(children(releases));
			java.util.Collections.reverse(newestFirst);
			for (Path release : newestFirst) {
				if (Files.isDirectory(release)) {
					entries.add(entry(release, "releases/"));
				}
			}
		}
		return render(new Listing("/", entries));
	}

	/** A folder: its sub-folders, then its files, by name. */
	String folder(String title, Path folder) throws IOException {
		List<Listing.Entry> folders = new ArrayList<>();
		List<Listing.Entry> files = new ArrayList<>();
		for (Path child : children(folder)) {
			(Files.isDirectory(child) ? folders : files).add(entry(child, ""));
		}
		List<Listing.Entry> entries = new ArrayList<>(folders);
		entries.addAll(files);
		return render(new Listing(title, entries));
	}

	private String render(Listing listing) {
		return this.engine.process("listing", new Context(java.util.Locale.FRENCH, Map.of("listing", listing)));
	}

	private static List<Path> children(Path folder) throws IOException {
		try (Stream<Path> children = Files.list(folder)) {
			return children.filter((child) -> !RequestPath.hidden(child.getFileName().toString()))
				.sorted(Comparator.comparing((Path child) -> child.getFileName().toString()))
				.toList();
		}
	}

	private static Listing.Entry entry(Path child, String prefix) throws IOException {
		String name = child.getFileName().toString();
		boolean folder = Files.isDirectory(child);
		String href = prefix + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
				+ (folder ? "/" : "");
		return new Listing.Entry(prefix + name + (folder ? "/" : ""), href,
				folder ? "" : Long.toString(Files.size(child)),
				MODIFIED.format(Files.getLastModifiedTime(child).toInstant()));
	}

}
