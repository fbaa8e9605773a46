package fr.territoire.catalogue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import fr.territoire.config.Definition;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import org.jspecify.annotations.Nullable;

/**
 * Writes the profile of every territory of a release: one data file per territory,
 * {@code profiles/<level>/<code>.js} (a call {@code Territoire.profile({...})} holding
 * the JSON of each section of {@code warehouse/profiles/}), the search index
 * {@code profiles/search.js} (level, code, name and département of every territory), and
 * the one page that reads them, {@code profile.html#<level>/<code>}, with its script and
 * stylesheet in {@code assets/}. Data files are loaded by a script element, so the page
 * works from a web server and from the disk alike.
 *
 * <p>
 * One statement (the sections joined to the territories, ordered by level and code) is
 * read once; the files are written into {@code .profiles.new/}, which then replaces
 * {@code profiles/} (moved to {@code .profiles.old/} and deleted). A data file holds no
 * release id or time: it is a function of the published data only (byte-reproducible, and
 * the same bytes from one release to the next when the territory's data did not change);
 * running it again rewrites the same files.
 */
final class TerritoryProfiles {

	/** The levels that have a profile. */
	static final List<String> LEVELS = List.of("commune", "epci", "departement", "region");

	private static final Pattern SECTION_NAME = Pattern.compile("^[0-9]+_");

	private static final List<String> ASSETS = List.of("profile.js", "profile.css", "territory-search.js");

	private TerritoryProfiles() {
	}

	/**
	 * What was written.
	 *
	 * @param territories the territories with a profile
	 * @param bytes the bytes of their data files and of the search index
	 * @param writingMillis the time spent writing the data files (the rest is DuckDB's)
	 */
	record Written(long territories, long bytes, long writingMillis) {
	}

	/** The name a section has in the data files: its file name without the number. */
	static String sectionName(Definition<ProfileSpec> section) {
		return SECTION_NAME.matcher(section.name()).replaceFirst("");
	}

	/**
	 * The statement joining every section to the territories, ordered by level and code.
	 */
	static String statement(List<Definition<ProfileSpec>> sections) {
		StringBuilder select = new StringBuilder("SELECT t.level, t.code");
		StringBuilder from = new StringBuilder(" FROM (SELECT level, code FROM ")
			.append(ReleaseViews.view(ReleaseViews.CURRENT, "territories"))
			.append(" WHERE level IN ('commune', 'epci', 'departement', 'region')) t");
		for (int i = 0; i < sections.size(); i++) {
			String alias = "s" + i;
			select.append(", CAST(").append(alias).append(".data AS VARCHAR)");
			from.append(" LEFT JOIN (")
				.append(sections.get(i).requiredSql())
				.append("\n) ")
				.append(alias)
				.append(" ON ")
				.append(alias)
				.append(".level = t.level AND ")
				.append(alias)
				.append(".territory_code = t.code");
		}
		return select.append(from).append(" ORDER BY t.level, t.code").toString();
	}

	/**
	 * Writes the profiles, the search index, the page and its assets into the release
	 * folder; nothing if the release has no {@code territories} dataset or no section is
	 * defined.
	 */
	static Written write(ReleaseViews views, PublishedRelease release, List<Definition<ProfileSpec>> sections)
			throws IOException {
		Path folder = release.folder();
		if (sections.isEmpty() || !views.has(ReleaseViews.CURRENT, "territories")) {
			return new Written(0, 0, 0);
		}
		Path building = folder.resolve(".profiles.new");
		delete(building);
		for (String level : LEVELS) {
			Files.createDirectories(building.resolve(level));
		}
		List<String> names = sections.stream().map(TerritoryProfiles::sectionName).toList();
		long territories = 0;
		long bytes = 0;
		long writing = 0;
		try (Statement statement = views.connection().createStatement();
				ResultSet rows = statement.executeQuery(statement(sections))) {
			while (rows.next()) {
				String level = rows.getString(1);
				String code = rows.getString(2);
				StringBuilder text = new StringBuilder(4096).append("Territoire.profile({\"level\":")
					.append(json(level))
					.append(",\"code\":")
					.append(json(code));
				for (int i = 0; i < names.size(); i++) {
					String data = rows.getString(3 + i);
					text.append(",\"").append(names.get(i)).append("\":").append((data != null) ? data : "null");
				}
				text.append("});\n");
				byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
				long start = System.nanoTime();
				Files.write(building.resolve(level).resolve(fileName(code) + ".js"), content);
				writing += System.nanoTime() - start;
				territories++;
				bytes += content.length;
			}
		}
		catch (SQLException ex) {
			delete(building);
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot read the territory profiles of release " + release.id() + ": " + ex.getMessage(), ex);
		}
		bytes += writeIndex(views, building.resolve("search.js"));
		bytes += writeIndicators(views, building.resolve("indicators.js"));
		bytes += writeFiles(release, building.resolve("files.js"));
		// the new folder replaces the old one at once; the old one's files are deleted
		// after
		Path profiles = folder.resolve("profiles");
		Path old = folder.resolve(".profiles.old");
		delete(old);
		if (Files.exists(profiles)) {
			Files.move(profiles, old, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(building, profiles, StandardCopyOption.ATOMIC_MOVE);
		delete(old);
		for (String asset : ASSETS) {
			copy("catalogue/assets/" + asset, folder.resolve("assets").resolve(asset));
		}
		return new Written(territories, bytes, writing / 1_000_000);
	}

	/**
	 * The search index: {@code Territoire.index([[level, code, name, département],…])},
	 * communes first, each level by code.
	 */
	private static long writeIndex(ReleaseViews views, Path target) throws IOException {
		String sql = "SELECT level, code, name, departement_code FROM "
				+ ReleaseViews.view(ReleaseViews.CURRENT, "territories")
				+ " WHERE level IN ('commune', 'epci', 'departement', 'region') ORDER BY level_order, code";
		List<List<String>> rows = Sql.queryRows(views.connection(), sql);
		try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			out.write("Territoire.index([");
			for (int i = 0; i < rows.size(); i++) {
				List<String> row = rows.get(i);
				out.write((i > 0) ? ",\n[" : "\n[");
				out.write(json(row.get(0)) + "," + json(row.get(1)) + "," + json(row.get(2)) + "," + json(row.get(3)));
				out.write("]");
			}
			out.write("\n]);\n");
		}
		return Files.size(target);
	}

	/**
	 * The labels and units of the indicators: {@code Territoire.indicators({"id":
	 * ["label", "unit"],…})}, by id, with a third element naming the partners whose data
	 * an indicator uses ({@code partner_contributions}); empty when the release has no
	 * {@code indicators} dataset.
	 */
	private static long writeIndicators(ReleaseViews views, Path target) throws IOException {
		StringBuilder text = new StringBuilder("Territoire.indicators({");
		if (views.has(ReleaseViews.CURRENT, CatalogueContent.INDICATORS)) {
			String contributors = views.has(ReleaseViews.CURRENT, NetworkPartners.CONTRIBUTIONS)
					? "(SELECT indicator_id, string_agg(DISTINCT partner_name, ', ' ORDER BY partner_name) AS names FROM "
							+ ReleaseViews.view(ReleaseViews.CURRENT, NetworkPartners.CONTRIBUTIONS)
							+ " GROUP BY indicator_id)"
					: "(SELECT NULL::VARCHAR AS indicator_id, NULL::VARCHAR AS names WHERE false)";
			List<List<String>> rows = Sql.queryRows(views.connection(),
					"SELECT i.indicator_id, i.label, i.unit, c.names FROM "
							+ ReleaseViews.view(ReleaseViews.CURRENT, CatalogueContent.INDICATORS) + " i LEFT JOIN "
							+ contributors + " c USING (indicator_id) ORDER BY i.indicator_id");
			for (int i = 0; i < rows.size(); i++) {
				List<String> row = rows.get(i);
				text.append((i > 0) ? ",\n" : "\n")
					.append(json(row.get(0)))
					.append(":[")
					.append(json(row.get(1)))
					.append(",")
					.append(json(row.get(2)));
				if (row.get(3) != null) {
					// the partners whose data the indicator uses: credited wherever it is
					// shown
					text.append(",").append(json(row.get(3)));
				}
				text.append("]");
			}
		}
		text.append("\n});\n");
		Files.writeString(target, text);
		return Files.size(target);
	}

	/**
	 * The CSV file of each dataset, for the profile's links:
	 * {@code Territoire.files({"territories": "territories.csv",…})}; a large table's is
	 * gzipped ({@code .csv.gz}).
	 */
	private static long writeFiles(PublishedRelease release, Path target) throws IOException {
		StringBuilder text = new StringBuilder("Territoire.files({");
		String separator = "\n";
		for (PublishedRelease.Dataset dataset : release.datasets()) {
			for (PublishedRelease.DatasetFile file : dataset.files()) {
				if (file.format().equals("csv")) {
					text.append(separator).append(json(dataset.name())).append(":").append(json(file.path()));
					separator = ",\n";
				}
			}
		}
		text.append("\n});\n");
		Files.writeString(target, text);
		return Files.size(target);
	}

	/** A territory code as a file name: codes are letters and digits (2A, 200054807). */
	static String fileName(String code) {
		if (!code.matches("[0-9A-Za-z]+")) {
			throw new TerritoireException(ErrorCode.INTERNAL, "territory code not usable as a file name: " + code);
		}
		return code;
	}

	/** A JSON string, or null. */
	static String json(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '<' -> json.append("\\u003c");
				case '>' -> json.append("\\u003e");
				case '&' -> json.append("\\u0026");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	private static void copy(String resource, Path target) throws IOException {
		try (InputStream in = TerritoryProfiles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new TerritoireException(ErrorCode.INTERNAL, resource + " is not on the class path");
			}
			Files.createDirectories(target.getParent());
			Path aside = target.resolveSibling("." + target.getFileName() + ".new");
			Files.copy(in, aside, StandardCopyOption.REPLACE_EXISTING);
			Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Deletes a folder and its files in directory order (as {@code rm -r}: deleting tens
	 * of thousands of files sorted by name is many times slower on ext4).
	 */
	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		Files.walkFileTree(folder, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException failure)
					throws IOException {
				if (failure != null) {
					throw failure;
				}
				Files.delete(directory);
				return FileVisitResult.CONTINUE;
			}

		});
	}

}
